package io.dynamo.admin;

import io.dynamo.api.HintsBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.RingBody;
import io.dynamo.api.TransfersBody;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * What {@code status} shows, and prints with {@code --json}.
 *
 * @param ring   the ring, from any node
 * @param nodes  the node list, from any node
 * @param onNode each node's own hints and transfers
 */
@JsonbPropertyOrder({"ring", "nodes", "onNode"})
public record StatusReport(RingBody ring, NodesBody nodes, List<NodeAnswer<NodeState>> onNode) {
    /** One node's own hints and transfers. */
    @JsonbPropertyOrder({"hints", "transfers"})
    public record NodeState(HintsBody hints, TransfersBody transfers) {
    }
}
