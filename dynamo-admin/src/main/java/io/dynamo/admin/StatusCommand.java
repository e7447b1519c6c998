package io.dynamo.admin;

import io.dynamo.api.NodeBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.RingBody;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code status}: ring, nodes and their health, and each node's hints and transfers, on one screen. */
@Command(name = "status", description = {"The cluster on one screen: the ring, every node with its health (as the"
        + " answering node sees it), and each node's hints and transfers (asked of each node).",
    "Exits 3 when a member of the ring could not be asked."})
final class StatusCommand implements Callable<Integer> {
    private final Context context;

    StatusCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Cluster cluster = context.cluster();
        RingBody ring = cluster.admin().ring();
        NodesBody nodes = cluster.admin().nodes();
        List<NodeAnswer<StatusReport.NodeState>> onNode = cluster.askEach(nodes,
                admin -> new StatusReport.NodeState(admin.hints(), admin.transfers()));
        StatusReport report = new StatusReport(ring, nodes, onNode);
        context.print(report, render(report));
        Map<String, NodeAnswer<StatusReport.NodeState>> byNode = byNode(onNode);
        boolean memberUnasked = nodes.nodes().stream().filter(NodeBody::member)
                .anyMatch(n -> !byNode.get(n.node()).answered());
        return memberUnasked ? ExitCode.UNAVAILABLE : ExitCode.OK;
    }

    static String render(StatusReport report) {
        RingBody ring = report.ring();
        NodesBody nodes = report.nodes();
        Map<String, NodeAnswer<StatusReport.NodeState>> byNode = byNode(report.onNode());
        StringBuilder text = new StringBuilder(RingCommand.summary(ring)).append('\n');
        if (nodes.ringVersion() != ring.version()) {
            text.append(nodes.answeredBy()).append(" knows ring v").append(nodes.ringVersion())
                    .append(": the new ring is still spreading\n");
        }
        Table table = new Table("NODE", "STATUS", "HEALTH", "ADDRESS", "WEIGHT", "PARTITIONS", "KEYS", "HINTS",
                "TRANSFERS");
        long hints = 0;
        boolean allIdle = true;
        for (NodeBody node : nodes.nodes()) {
            StatusReport.NodeState state = byNode.get(node.node()).answer();
            if (state != null) {
                hints += state.hints().count();
                allIdle &= state.transfers().idle();
            }
            table.row(node.node() + (node.self() ? "*" : ""), Cells.orDash(node.status()),
                    Cells.reachability(node.health()), Cells.orDash(node.httpAddress()), Cells.orDash(node.weight()),
                    node.partitions(), Cells.orDash(node.keysStored()),
                    state == null ? "?" : state.hints().count(),
                    state == null ? "?" : Cells.transfers(state.transfers()));
        }
        text.append('\n').append(table.render());
        text.append("* answered the node list; HEALTH is how ").append(nodes.answeredBy()).append(" sees each node\n");
        text.append("\nhints held: ").append(hints).append("; transfers: ")
                .append(allIdle ? "idle" : "in progress (dynamo-admin transfers)").append('\n');
        String unasked = report.onNode().stream().filter(a -> !a.answered())
                .map(a -> "  " + a.node() + ": " + a.error()).collect(Collectors.joining("\n"));
        if (!unasked.isEmpty()) {
            text.append("not asked (their hints and transfers are unknown):\n").append(unasked).append('\n');
        }
        return text.toString();
    }

    private static <T> Map<String, NodeAnswer<T>> byNode(List<NodeAnswer<T>> answers) {
        return answers.stream().collect(Collectors.toMap(NodeAnswer::node, Function.identity(), (a, b) -> a));
    }
}
