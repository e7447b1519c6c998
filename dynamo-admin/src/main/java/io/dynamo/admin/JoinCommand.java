package io.dynamo.admin;

import io.dynamo.client.DynamoAdmin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code join NODE}: plans adding a started node to the ring, shows the plan, commits it when confirmed. */
@Command(name = "join", description = {"Adds a node to the ring: prints the plan (partitions that move, counts"
        + " per node), asks \"Commit? [y/N]\" and commits the plan reviewed.",
    "Start the node first, with the cluster's seeds. A ring changed since the plan is refused (exit 1)."})
final class JoinCommand implements Callable<Integer> {
    private final Context context;

    @Parameters(paramLabel = "NODE", description = "The node's id (its dynamo.node.id).")
    String node;

    @Option(names = "--weight", paramLabel = "W", defaultValue = "1",
            description = "Its weight: partitions are shared in proportion (default 1).")
    int weight;

    @Option(names = {"-y", "--yes"}, description = "Commit without asking.")
    boolean yes;

    JoinCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String id = PlanReview.nodeId(node);
        if (weight < 1) {
            throw CliFailure.usage("--weight must be a whole number of 1 or more; got " + weight + ".");
        }
        DynamoAdmin admin = context.cluster().admin();
        return PlanReview.run(context, admin.planJoin(id, weight), yes,
                version -> admin.commitJoin(id, weight, version));
    }
}
