package io.dynamo.admin;

import io.dynamo.client.DynamoAdmin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code replace NODE NEW}: plans a new node taking exactly NODE's partitions, commits it when confirmed. */
@Command(name = "replace", description = {"Replaces a node, running or dead, by a new one that takes exactly its"
        + " partitions: prints the plan, asks \"Commit? [y/N]\" and commits the plan reviewed.",
    "Start NEW with the cluster's seeds first. The data streams from NODE if it answers, else from the other"
        + " replicas."})
final class ReplaceCommand implements Callable<Integer> {
    private final Context context;

    @Parameters(index = "0", paramLabel = "NODE", description = "The id of the node to replace.")
    String node;

    @Parameters(index = "1", paramLabel = "NEW", description = "The id of the new node.")
    String replacement;

    @Option(names = {"-y", "--yes"}, description = "Commit without asking.")
    boolean yes;

    ReplaceCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String id = PlanReview.nodeId(node);
        String with = PlanReview.nodeId(replacement);
        DynamoAdmin admin = context.cluster().admin();
        return PlanReview.run(context, admin.planReplace(id, with), yes,
                version -> admin.commitReplace(id, with, version));
    }
}
