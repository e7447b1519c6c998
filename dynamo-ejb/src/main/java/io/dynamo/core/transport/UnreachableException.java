package io.dynamo.core.transport;

import io.dynamo.core.DynamoException;

/** A peer did not answer: unknown, disconnected, or too slow. */
public final class UnreachableException extends DynamoException {
    private final String node;

    public UnreachableException(String node, String why) {
        super("node " + node + " is unreachable: " + why);
        this.node = node;
    }

    public String node() {
        return node;
    }
}
