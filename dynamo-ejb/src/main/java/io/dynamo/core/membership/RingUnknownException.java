package io.dynamo.core.membership;

import io.dynamo.core.base.DynamoException;

/** This node has no ring yet: it was started without bootstrap and has not heard from a seed. */
public final class RingUnknownException extends DynamoException {
    public RingUnknownException(String nodeId) {
        super("node " + nodeId + " does not know the ring yet: it has no stored state and has not heard from any"
                + " seed; check dynamo seeds and that they are reachable, or bootstrap the first node of a cluster");
    }

    /** @param refused why the node refused the ring its peers gossiped (another Q or other settings) */
    public RingUnknownException(String nodeId, String refused) {
        super("node " + nodeId + " does not know the ring: it refused the ring its peers gossiped, as " + refused);
    }
}
