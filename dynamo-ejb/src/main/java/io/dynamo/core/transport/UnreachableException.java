package io.dynamo.core.transport;

import io.dynamo.core.base.DynamoException;

/**
 * A peer did not answer: unknown, disconnected, or too slow. {@link #maybeDelivered()} tells the two apart where
 * it matters: a request that timed out may still have been carried out, so repeating it elsewhere could do it
 * twice (for a forwarded put, a second version of one client write).
 */
public final class UnreachableException extends DynamoException {
    private final String node;
    private final boolean maybeDelivered;

    /** A failure after which the request may have reached the peer (a timeout, a connection lost mid-way). */
    public UnreachableException(String node, String why) {
        this(node, why, true);
    }

    public UnreachableException(String node, String why, boolean maybeDelivered) {
        super("node " + node + " is unreachable: " + why);
        this.node = node;
        this.maybeDelivered = maybeDelivered;
    }

    public String node() {
        return node;
    }

    /** False only when the request certainly never reached the peer (unknown, not connected). */
    public boolean maybeDelivered() {
        return maybeDelivered;
    }
}
