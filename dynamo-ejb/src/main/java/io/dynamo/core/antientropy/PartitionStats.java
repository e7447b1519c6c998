package io.dynamo.core.antientropy;

/**
 * Anti-entropy activity of one partition on this node, as of a snapshot.
 *
 * @param partition          the partition
 * @param lastExchangeMillis when the last exchange (successful or not) ended, scheduler time
 * @param lastPeer           the replica it was with
 * @param lastFailure        why it failed, or null when it succeeded
 * @param lastKeysCompared   keys compared by the last successful exchange
 * @param lastKeysRepaired   keys repaired here by the last successful exchange
 * @param exchanges          successful exchanges in total
 * @param failures           failed exchanges in total
 * @param keysCompared       keys compared in total
 * @param keysRepaired       keys repaired here in total
 * @param keysSent           keys sent to peers in total
 */
public record PartitionStats(int partition, long lastExchangeMillis, String lastPeer, String lastFailure,
        long lastKeysCompared, long lastKeysRepaired, long exchanges, long failures, long keysCompared,
        long keysRepaired, long keysSent) {

    static PartitionStats none(int partition) {
        return new PartitionStats(partition, 0, null, null, 0, 0, 0, 0, 0, 0, 0);
    }

    PartitionStats succeeded(ExchangeResult r, long now) {
        return new PartitionStats(partition, now, r.peer(), null, r.keysCompared(), r.keysRepaired(),
                exchanges + 1, failures, keysCompared + r.keysCompared(), keysRepaired + r.keysRepaired(),
                keysSent + r.keysSent());
    }

    PartitionStats failed(String peer, String why, long now) {
        return new PartitionStats(partition, now, peer, why, lastKeysCompared, lastKeysRepaired, exchanges,
                failures + 1, keysCompared, keysRepaired, keysSent);
    }
}
