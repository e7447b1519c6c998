package io.dynamo.client;

import java.net.URI;

/** A change of the live connection: its state, the node it is (or was last) connected to, and why. */
public record ConnectionStatus(ConnectionState state, URI node, String message) {
}
