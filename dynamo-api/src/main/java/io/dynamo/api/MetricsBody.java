package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The {@code metrics} event: the answering node's key-value request counters, every few seconds. The counts and
 * times are totals since the node started, so a reader takes the difference of two events for the requests per
 * second and the mean latency between them.
 *
 * @param answeredBy the node that answered
 * @param atMillis   when it read the counters, epoch milliseconds
 * @param operations one per operation ({@code get}, {@code put}, {@code delete})
 */
@JsonbPropertyOrder({"answeredBy", "atMillis", "operations"})
public record MetricsBody(String answeredBy, long atMillis, List<OperationMetricsBody> operations) {
}
