package io.dynamo.core.membership;

import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingSettings;

/**
 * What a node is set to, gossiped with its load: Q, so that the claimant can refuse to join a node that would refuse
 * the cluster's ring, and its own N, R and W (it uses the cluster's, kept with the ring). A node that says nothing
 * is of an older release, which walks its own N rather than the ring's.
 */
public record NodeSettings(int partitions, RingSettings replication) {

    /** True when the ring has this Q: a node set to another refuses the ring (N, R and W it takes from the ring). */
    public boolean fits(Ring ring) {
        return ring.partitionCount() == partitions;
    }

    @Override
    public String toString() {
        return "Q=" + partitions + " " + replication;
    }
}
