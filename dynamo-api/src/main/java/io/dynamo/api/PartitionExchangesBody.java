package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * Anti-entropy of one partition on the answering node.
 *
 * @param partition          the partition
 * @param lastExchangeMillis when the last exchange ended (successful or not), epoch milliseconds
 * @param lastPeer           the replica it was with
 * @param lastFailure        why it failed; absent when it succeeded
 * @param lastKeysCompared   keys compared by the last successful exchange
 * @param lastKeysRepaired   keys repaired here by the last successful exchange
 * @param exchanges          successful exchanges in total
 * @param failures           failed exchanges in total
 * @param keysCompared       keys compared in total
 * @param keysRepaired       keys repaired here in total
 * @param keysSent           keys sent to peers in total
 */
@JsonbPropertyOrder({"partition", "lastExchangeMillis", "lastPeer", "lastFailure", "lastKeysCompared",
        "lastKeysRepaired", "exchanges", "failures", "keysCompared", "keysRepaired", "keysSent"})
public record PartitionExchangesBody(int partition, long lastExchangeMillis, String lastPeer, String lastFailure,
                                     long lastKeysCompared, long lastKeysRepaired, long exchanges, long failures,
                                     long keysCompared, long keysRepaired, long keysSent) {
}
