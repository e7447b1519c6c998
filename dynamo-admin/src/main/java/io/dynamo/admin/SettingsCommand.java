package io.dynamo.admin;

import io.dynamo.client.DynamoAdmin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code settings N R W}: plans the cluster's new N, R and W, commits it when confirmed. */
@Command(name = "settings", description = {"Changes the cluster's N (replicas of each key) and default R and W:"
        + " prints the plan, asks \"Commit? [y/N]\" and commits the plan reviewed.",
    "A larger N copies every key to its new replicas before reads use them; a smaller one lets the dropped"
        + " replicas go once the change is over. While N changes, requests use the larger R and W of the two."})
final class SettingsCommand implements Callable<Integer> {
    private final Context context;

    @Parameters(index = "0", paramLabel = "N", description = "Replicas of each key, 1 or more.")
    int n;

    @Parameters(index = "1", paramLabel = "R", description = "The default read quorum, 1 to N.")
    int r;

    @Parameters(index = "2", paramLabel = "W", description = "The default write quorum, 1 to N.")
    int w;

    @Option(names = {"-y", "--yes"}, description = "Commit without asking.")
    boolean yes;

    SettingsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (n < 1 || r < 1 || w < 1 || r > n || w > n) {
            throw CliFailure.usage("N=" + n + " R=" + r + " W=" + w + " are not settings: N must be 1 or more, R and"
                    + " W from 1 to N.");
        }
        DynamoAdmin admin = context.cluster().admin();
        return PlanReview.run(context, admin.planSettings(n, r, w), yes,
                version -> admin.commitSettings(n, r, w, version));
    }
}
