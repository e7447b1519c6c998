package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One operation's requests on the answering node, since it started.
 *
 * @param operation   {@code get}, {@code put} or {@code delete}
 * @param count       requests answered, whatever their outcome
 * @param totalMillis the time they took, added up
 * @param p99Millis   the 99th percentile of the recent requests' latency, as the node's timer reports it
 */
@JsonbPropertyOrder({"operation", "count", "totalMillis", "p99Millis"})
public record OperationMetricsBody(String operation, long count, double totalMillis, double p99Millis) {
}
