/**
 * The REST face of a node, under {@code /dynamo/api/v1}. Resources are thin: they parse HTTP into core calls and
 * core results into HTTP; every decision is the {@link io.dynamo.core.node.DynamoNode}'s.
 */
package io.dynamo.jaxrs;
