/**
 * Container glue: starts and stops the one {@link io.dynamo.core.node.DynamoNode} of this server from MicroProfile Config
 * and hands it to the REST layer through CDI. No Dynamo logic lives here; the node is wired by
 * {@link io.dynamo.infra.NodeAssembler}.
 */
package io.dynamo.ejb;
