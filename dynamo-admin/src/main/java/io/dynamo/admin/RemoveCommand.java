package io.dynamo.admin;

import io.dynamo.client.DynamoAdmin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code remove NODE}: plans taking a dead node out of the ring, shows the plan, commits it when confirmed. */
@Command(name = "remove", description = {"Takes a dead node out of the ring: prints the plan, asks \"Commit? [y/N]\""
        + " and commits the plan reviewed.",
    "Its partitions are copied to their new replicas from the surviving ones. A node that still answers is refused:"
        + " let it 'leave' instead, so that its data streams out."})
final class RemoveCommand implements Callable<Integer> {
    private final Context context;

    @Parameters(paramLabel = "NODE", description = "The dead node's id.")
    String node;

    @Option(names = {"-y", "--yes"}, description = "Commit without asking.")
    boolean yes;

    RemoveCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String id = PlanReview.nodeId(node);
        DynamoAdmin admin = context.cluster().admin();
        return PlanReview.run(context, admin.planRemove(id), yes, version -> admin.commitRemove(id, version));
    }
}
