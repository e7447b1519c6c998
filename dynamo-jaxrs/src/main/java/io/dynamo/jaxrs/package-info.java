/**
 * The REST face of a node, under {@code /dynamo/api/v1}. Resources are thin: they parse HTTP into core calls and
 * core results into HTTP; every decision is the node's, reached only through its narrow faces
 * ({@link io.dynamo.core.node.KeyValueService}, {@link io.dynamo.core.node.NodeView},
 * {@link io.dynamo.core.node.NodeAdmin}).
 */
package io.dynamo.jaxrs;
