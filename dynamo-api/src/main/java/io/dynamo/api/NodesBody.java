package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code GET /admin/nodes}, and the {@code health} event: every node the answering node knows of.
 *
 * @param answeredBy  the node that answered
 * @param ringVersion its ring's version, 0 while it knows no ring
 * @param nodes       by node id: every node with a membership record, every ring member and every peer the
 *                    answering node has an opinion of
 */
@JsonbPropertyOrder({"answeredBy", "ringVersion", "nodes"})
public record NodesBody(String answeredBy, long ringVersion, List<NodeBody> nodes) {
}
