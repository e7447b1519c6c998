package io.dynamo.core.membership;

import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingSettings;

/**
 * What a node is set to, gossiped with its load so that the claimant can refuse to join a node that would refuse
 * the cluster's ring: Q, and N, R and W.
 */
public record NodeSettings(int partitions, RingSettings replication) {

    /** True when the ring has this Q and, if it keeps settings (a ring of an older release has none), these. */
    public boolean fits(Ring ring) {
        return ring.partitionCount() == partitions && ring.settings().map(replication::equals).orElse(true);
    }

    /** The ring's Q and settings, as a node that fits it is set. */
    public static String describe(Ring ring) {
        return "Q=" + ring.partitionCount() + ring.settings().map(s -> " " + s).orElse("");
    }

    @Override
    public String toString() {
        return "Q=" + partitions + " " + replication;
    }
}
