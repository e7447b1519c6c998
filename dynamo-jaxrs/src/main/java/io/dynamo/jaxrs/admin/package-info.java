/**
 * {@code /admin}: what operators and the console need to see and steer a node and its cluster. Every answer is
 * JSON ({@link io.dynamo.api}) and says which node answered, because health, hints and anti-entropy are
 * that node's own view. Resources only parse requests and call the node's narrow faces,
 * {@link io.dynamo.core.node.NodeView} (snapshots to read) and {@link io.dynamo.core.node.NodeAdmin} (commands); the
 * {@code *Views} classes turn core values into the wire records and are tested without a container.
 *
 * <p>Errors go through the API's mappers like everywhere else: the exceptions of this package are
 * {@link io.dynamo.core.base.DynamoException}s with a line each in
 * {@link io.dynamo.jaxrs.error.DynamoExceptionMapper}. Request bodies are parsed with JSON-P here rather than
 * bound by JSON-B, so that a malformed body, a missing field or a value of the wrong type is a 400 naming the
 * field instead of the JSON-B provider's generic failure.
 */
package io.dynamo.jaxrs.admin;
