package io.dynamo.admin;

import io.dynamo.client.DynamoAdmin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leave NODE}: plans taking a node out of the ring, shows the plan, commits it when confirmed. */
@Command(name = "leave", description = {"Takes a node out of the ring: prints the plan, asks \"Commit? [y/N]\" and"
        + " commits the plan reviewed.",
    "The node keeps serving until it has streamed its partitions, then shows LEFT in 'nodes' and may be stopped."})
final class LeaveCommand implements Callable<Integer> {
    private final Context context;

    @Parameters(paramLabel = "NODE", description = "The node's id.")
    String node;

    @Option(names = {"-y", "--yes"}, description = "Commit without asking.")
    boolean yes;

    LeaveCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String id = PlanReview.nodeId(node);
        DynamoAdmin admin = context.cluster().admin();
        return PlanReview.run(context, admin.planLeave(id), yes, version -> admin.commitLeave(id, version));
    }
}
