package io.dynamo.admin;

import io.dynamo.api.NodeBody;
import io.dynamo.api.NodesBody;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code nodes}: every node the answering node knows, with its status and health. */
@Command(name = "nodes", description = "Every node the answering node knows of: life cycle, address, ring"
        + " membership, partitions, keys stored and health as that node sees it.")
final class NodesCommand implements Callable<Integer> {
    private final Context context;

    NodesCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        NodesBody nodes = context.cluster().admin().nodes();
        context.print(nodes, render(nodes));
        return ExitCode.OK;
    }

    static String render(NodesBody nodes) {
        Table table = new Table("NODE", "STATUS", "ADDRESS", "MEMBER", "WEIGHT", "PARTITIONS", "KEYS", "HEALTH",
                "LAST CONTACT", "RTT", "MISSED");
        for (NodeBody node : nodes.nodes()) {
            table.row(node.node() + (node.self() ? "*" : ""), Cells.orDash(node.status()),
                    Cells.orDash(node.httpAddress()), node.member() ? "yes" : "no", Cells.orDash(node.weight()),
                    node.partitions(), Cells.orDash(node.keysStored()), Cells.reachability(node.health()),
                    node.self() ? "-" : Cells.age(node.health() == null ? null : node.health().lastContactAgeMillis()),
                    Cells.rtt(node.health()), node.health() == null ? "-" : node.health().consecutiveFailures());
        }
        return "nodes as " + nodes.answeredBy() + " knows them (ring v" + nodes.ringVersion() + "); * is "
                + nodes.answeredBy() + "\n\n" + table.render();
    }
}
