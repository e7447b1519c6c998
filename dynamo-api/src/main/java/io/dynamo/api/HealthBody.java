package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * How the answering node sees a peer (failure detection is local: every node has its own opinion).
 *
 * @param reachability         {@code UP} (answered recently, or never tried), {@code SUSPECT} (missed a request;
 *                             routed around) or {@code DOWN} (missed several in a row)
 * @param lastContactMillis    when it last answered, epoch milliseconds; absent when never
 * @param lastContactAgeMillis how long ago that was, by the answering node's clock; absent when never
 * @param rttMillis            smoothed round-trip time of its answers; absent when unknown
 * @param consecutiveFailures  requests or probes it missed since its last answer
 */
@JsonbPropertyOrder({"reachability", "lastContactMillis", "lastContactAgeMillis", "rttMillis", "consecutiveFailures"})
public record HealthBody(String reachability, Long lastContactMillis, Long lastContactAgeMillis, Double rttMillis,
                         int consecutiveFailures) {
}
