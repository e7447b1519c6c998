package io.dynamo.core.membership;

/**
 * Where a node stands in the cluster's life cycle. The ring alone decides ownership; the status tells operators
 * (and gossip peer selection) what a node is doing about it.
 */
public enum NodeStatus {
    /** Running and gossiping, but not in the ring yet: waiting for an operator's join. */
    JOINING,
    /** In the ring, owning partitions. */
    JOINED,
    /** Taken out of the ring by a leave; still streaming its partitions to their new owners. */
    LEAVING,
    /** Out of the ring and holding no data any more; it may be shut down. */
    LEFT
}
