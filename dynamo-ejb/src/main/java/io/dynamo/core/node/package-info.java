/**
 * The top of the core: {@link io.dynamo.core.node.DynamoNode} builds a node's collaborators from
 * {@link io.dynamo.core.node.NodeServices}, checks requests against its limits, routes and coordinates them, and
 * hands the outside its narrow faces (the asynchronous {@link io.dynamo.core.node.KeyValueService}). May depend on
 * every core package; no other core package depends on it.
 */
package io.dynamo.core.node;
