package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code GET /admin/hints}, and the {@code hints} event: the hints the answering node holds for other nodes.
 *
 * @param answeredBy the node that answered
 * @param count      hints held in total
 * @param bytes      their size in total
 * @param delivered  hints acknowledged by their targets since the node started
 * @param queues     one per target with hints, by target
 */
@JsonbPropertyOrder({"answeredBy", "count", "bytes", "delivered", "queues"})
public record HintsBody(String answeredBy, long count, long bytes, long delivered, List<HintQueueBody> queues) {
}
