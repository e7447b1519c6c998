package io.dynamo.core.transfer;

import java.util.List;
import java.util.OptionalLong;

/**
 * A snapshot of one partition's transfer, for the admin API.
 *
 * @param ringVersion  the ring the transfer serves
 * @param keysSent     keys acknowledged by every target (a key resent on a later pass counts again)
 * @param keysDropped  keys this node removed after their acknowledgement
 * @param keysRetained streamed keys that changed before they could be dropped; the next pass sends them again
 * @param batches      batches acknowledged by every target
 * @param passes       completed scans of the partition
 * @param failures     batches that failed (a target unreachable or refusing); each is retried on a later tick
 * @param lastError    the latest failure, empty when none
 * @param bytesSent    bytes of keys and versions acknowledged by every target
 * @param passKeys     keys the pass under way scans, 0 between passes
 * @param passKeysDone keys of that pass already sent (or found gone)
 * @param startedMillis when the transfer first ran, -1 before
 */
public record TransferProgress(int partition, long ringVersion, List<String> targets, boolean drop,
                               TransferStatus status, long keysSent, long keysDropped, long keysRetained,
                               int batches, int passes, int failures, String lastError, long updatedMillis,
                               long bytesSent, int passKeys, int passKeysDone, long startedMillis) {

    public TransferProgress {
        targets = List.copyOf(targets);
    }

    /** Keys sent per second since it first ran; 0 before. */
    public double keysPerSecond(long nowMillis) {
        return perSecond(keysSent, nowMillis);
    }

    public double bytesPerSecond(long nowMillis) {
        return perSecond(bytesSent, nowMillis);
    }

    /** The time the pass under way needs at the rate so far; empty when done, between passes or without a rate. */
    public OptionalLong millisLeft(long nowMillis) {
        double rate = keysPerSecond(nowMillis);
        if (status == TransferStatus.DONE || passKeys == 0 || rate <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round((passKeys - passKeysDone) * 1000 / rate));
    }

    private double perSecond(long count, long nowMillis) {
        long elapsed = nowMillis - startedMillis;
        return startedMillis < 0 || elapsed <= 0 ? 0 : count * 1000.0 / elapsed;
    }
}
