package io.dynamo.admin;

import io.dynamo.api.HintsPurgedBody;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hints purge NODE}: drops the hints every node holds for one target, after asking. */
@Command(name = "purge", description = {"Drops the hints every node holds for NODE, without a plan: for a node gone"
        + " for good, or whose queue is not worth delivering (anti-entropy repairs it when it returns).",
    "Asks \"Purge? [y/N]\" first; each node logs an AUDIT line."})
final class HintsPurgeCommand implements Callable<Integer> {
    private final Context context;

    @Parameters(paramLabel = "NODE", description = "The node whose hints are dropped.")
    String node;

    @Option(names = {"-y", "--yes"}, description = "Purge without asking.")
    boolean yes;

    HintsPurgeCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String target = PlanReview.nodeId(node);
        if (!yes && !context.terminal.confirm("Purge every hint held for " + target + " on every node? [y/N] ")) {
            context.say("Not purged: the hints for " + target + " stay queued.");
            return ExitCode.DECLINED;
        }
        Cluster cluster = context.cluster();
        List<NodeAnswer<HintsPurgedBody>> answers = cluster.askEach(cluster.admin().nodes(),
                admin -> admin.purgeHints(target));
        context.print(answers, render(answers));
        return NodeAnswer.exitCode(answers);
    }

    static String render(List<NodeAnswer<HintsPurgedBody>> answers) {
        Table purged = new Table("NODE", "PURGED");
        StringBuilder notes = new StringBuilder();
        for (NodeAnswer<HintsPurgedBody> answer : answers) {
            if (answer.answered()) {
                purged.row(answer.node(), answer.answer().purged());
            } else {
                notes.append(answer.notAsked());
            }
        }
        return purged.render() + notes;
    }
}
