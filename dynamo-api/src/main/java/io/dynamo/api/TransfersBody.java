package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code GET /admin/transfers}: partitions the answering node streams to new replicas after ring changes.
 *
 * @param answeredBy the node that answered
 * @param idle       true when no transfer is pending or running
 * @param transfers  one per partition, by partition
 */
@JsonbPropertyOrder({"answeredBy", "idle", "transfers"})
public record TransfersBody(String answeredBy, boolean idle, List<TransferBody> transfers) {
}
