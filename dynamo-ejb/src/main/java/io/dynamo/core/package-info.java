/**
 * The Dynamo node in plain Java: everything that decides lives in the sub-packages, free of container, JGroups and
 * Xodus imports. They form layers without cycles: {@code base} (keys, exceptions) at the bottom, the node and its
 * wiring ({@code node}) at the top; this package itself holds no classes.
 */
package io.dynamo.core;
