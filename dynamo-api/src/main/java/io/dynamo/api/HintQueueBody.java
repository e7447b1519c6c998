package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The hints held for one target node.
 *
 * @param target               the replica the hints belong to
 * @param count                how many (one per key)
 * @param bytes                their size
 * @param oldestStoredAtMillis when the oldest was stored, epoch milliseconds; absent when the queue is empty
 * @param oldestAgeMillis      how long the oldest has waited, by the answering node's clock; absent when empty
 */
@JsonbPropertyOrder({"target", "count", "bytes", "oldestStoredAtMillis", "oldestAgeMillis"})
public record HintQueueBody(String target, long count, long bytes, Long oldestStoredAtMillis, Long oldestAgeMillis) {
}
