package io.dynamo.core.antientropy;

/**
 * What one exchange of a partition with one peer did.
 *
 * @param partition         the partition compared
 * @param peer              the replica it was compared with
 * @param segmentsDiffering leaf segments whose hashes differed (0: the trees agreed at the root)
 * @param keysCompared      distinct keys of those segments held by either side
 * @param keysReceived      versions the peer sent because they differed or were missing here
 * @param keysRepaired      keys whose local set changed by merging what the peer sent
 * @param keysSent          keys whose merged set was sent to the peer
 * @param roundTrips        requests made to the peer, writes included
 */
public record ExchangeResult(int partition, String peer, int segmentsDiffering, int keysCompared,
        int keysReceived, int keysRepaired, int keysSent, int roundTrips) {

    /** True when nothing had to move: the replicas already held the same versions. */
    public boolean inSync() {
        return keysReceived == 0 && keysSent == 0;
    }
}
