package io.dynamo.core.ring;

/**
 * The cluster's replication settings, kept with its ring (set when the first node bootstraps it) so that every node
 * uses the same: N, the replicas of each key, and the default R and W of a request. A node set to others refuses the
 * ring rather than drop or refuse copies the others keep.
 */
public record RingSettings(int replicas, int readQuorum, int writeQuorum) {
    public RingSettings {
        if (replicas < 1 || readQuorum < 1 || readQuorum > replicas || writeQuorum < 1 || writeQuorum > replicas) {
            throw new IllegalArgumentException("settings N=" + replicas + " R=" + readQuorum + " W=" + writeQuorum
                    + " are invalid: N must be 1 or more, R and W from 1 to N");
        }
    }

    /** N with majority quorums, R = W = N/2 + 1. */
    public static RingSettings majority(int replicas) {
        return new RingSettings(replicas, replicas / 2 + 1, replicas / 2 + 1);
    }

    @Override
    public String toString() {
        return "N=" + replicas + " R=" + readQuorum + " W=" + writeQuorum;
    }
}
