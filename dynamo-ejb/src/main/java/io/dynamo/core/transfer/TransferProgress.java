package io.dynamo.core.transfer;

import java.util.List;

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
 */
public record TransferProgress(int partition, long ringVersion, List<String> targets, boolean drop,
                               TransferStatus status, long keysSent, long keysDropped, long keysRetained,
                               int batches, int passes, int failures, String lastError, long updatedMillis) {

    public TransferProgress {
        targets = List.copyOf(targets);
    }
}
