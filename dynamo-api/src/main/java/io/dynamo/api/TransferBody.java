package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * One partition's transfer.
 *
 * @param partition     the partition
 * @param ringVersion   the ring the transfer serves
 * @param targets       the new replicas receiving it
 * @param drop          true when the answering node removes its copy once the targets have it
 * @param status        {@code PENDING}, {@code RUNNING} or {@code DONE}
 * @param keysSent      keys acknowledged by every target
 * @param keysDropped   keys removed here after their acknowledgement
 * @param keysRetained  keys that changed before they could be dropped; sent again on the next pass
 * @param batches       batches acknowledged by every target
 * @param passes        completed scans of the partition
 * @param failures      batches that failed (retried later)
 * @param lastError     the latest failure; absent when none
 * @param updatedMillis when this progress last changed, epoch milliseconds
 * @param bytesSent     bytes of keys and versions acknowledged by every target
 * @param passKeys      keys the pass under way scans (0 between passes)
 * @param passKeysDone  keys of that pass already sent
 * @param keysPerSecond keys sent per second since the transfer first ran
 * @param bytesPerSecond bytes sent per second since then
 * @param millisLeft    the time the pass under way needs at that rate; absent when done or not known yet
 */
@JsonbPropertyOrder({"partition", "ringVersion", "targets", "drop", "status", "keysSent", "keysDropped",
        "keysRetained", "batches", "passes", "failures", "lastError", "updatedMillis", "bytesSent", "passKeys",
        "passKeysDone", "keysPerSecond", "bytesPerSecond", "millisLeft"})
public record TransferBody(int partition, long ringVersion, List<String> targets, boolean drop, String status,
                           long keysSent, long keysDropped, long keysRetained, int batches, int passes, int failures,
                           String lastError, long updatedMillis, long bytesSent, int passKeys, int passKeysDone,
                           double keysPerSecond, double bytesPerSecond, Long millisLeft) {
}
