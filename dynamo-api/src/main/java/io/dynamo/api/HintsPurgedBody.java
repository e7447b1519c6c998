package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code DELETE /admin/hints/{node}}: the hints the answering node dropped for that node.
 *
 * @param answeredBy the node that answered
 * @param node       the target whose hints were dropped
 * @param purged     how many
 */
@JsonbPropertyOrder({"answeredBy", "node", "purged"})
public record HintsPurgedBody(String answeredBy, String node, long purged) {
}
