package io.dynamo.core.transport;

/**
 * Something nodes say to each other: a request or a reply. The records live beside the services that send and
 * handle them (each request names the reply it expects in its comment); the wire codec knows them all, and a node
 * answers a request it has no handler for with a {@link Failure}. Open, so that this package knows none of them.
 */
public interface Message {
}
