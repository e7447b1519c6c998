/**
 * The top of the core: {@link io.dynamo.core.node.DynamoNode} builds a node's collaborators from
 * {@link io.dynamo.core.node.NodeServices}, checks requests against its limits, routes and coordinates them, and
 * registers each service's message handlers with its {@link io.dynamo.core.node.RequestDispatcher}. The outside
 * gets narrow faces only: the asynchronous {@link io.dynamo.core.node.KeyValueService}, the read model
 * {@link io.dynamo.core.node.NodeView} (immutable snapshots) and the admin commands
 * {@link io.dynamo.core.node.NodeAdmin}. May depend on every core package; no other core package depends on it.
 */
package io.dynamo.core.node;
