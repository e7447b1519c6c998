/** The Dynamo node in plain Java: everything that decides lives here, free of container, JGroups and Xodus imports. */
package io.dynamo.core;
