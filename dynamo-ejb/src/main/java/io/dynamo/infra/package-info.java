/** Adapters from the core's interfaces to libraries (Xodus, JGroups), and the assembly of a node from its config. */
package io.dynamo.infra;
