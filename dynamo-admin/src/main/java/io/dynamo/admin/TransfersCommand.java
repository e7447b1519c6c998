package io.dynamo.admin;

import io.dynamo.api.TransferBody;
import io.dynamo.api.TransfersBody;
import io.dynamo.client.DynamoAdmin;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code transfers}: each node's partition transfers; with {@code --wait}, until none is pending. */
@Command(name = "transfers", description = {"The partitions each node streams to new replicas after ring changes"
        + " (pending and running ones; --all adds those done).",
    "With --wait, asks every second and prints a line whenever the totals change, until no node has a transfer"
            + " pending or running (exit 0) or --timeout seconds passed (default 600; exit 6)."})
final class TransfersCommand implements Callable<Integer> {
    private static final Duration DEFAULT_WAIT = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofSeconds(1);
    private final Context context;

    @Option(names = "--wait", description = "Wait until no transfer is pending or running.")
    boolean await;

    @Option(names = "--all", description = "List the transfers done too.")
    boolean all;

    TransfersCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!await) {
            List<NodeAnswer<TransfersBody>> answers = ask();
            context.print(answers, render(answers, all));
            return NodeAnswer.exitCode(answers);
        }
        context.waitsLong = true;
        long deadline = System.nanoTime() + context.timeout(DEFAULT_WAIT).toNanos();
        String last = null;
        while (true) {
            List<NodeAnswer<TransfersBody>> answers = ask();
            String progress = progress(answers);
            if (!progress.equals(last)) {
                context.say(progress);
                last = progress;
            }
            if (finished(answers)) {
                context.print(answers, "no transfers pending or running\n");
                return ExitCode.OK;
            }
            if (System.nanoTime() - deadline >= 0) {
                context.print(answers, render(answers, false));
                throw new CliFailure(ExitCode.TIMED_OUT, "transfers still pending or running after "
                        + context.timeout(DEFAULT_WAIT).toSeconds() + " s (" + progress + ").\nWait longer with"
                        + " --timeout SECONDS; a transfer's lastError says what holds it up.");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private List<NodeAnswer<TransfersBody>> ask() {
        Cluster cluster = context.cluster();
        return cluster.askEach(cluster.admin().nodes(), DynamoAdmin::transfers);
    }

    static boolean finished(List<NodeAnswer<TransfersBody>> answers) {
        return answers.stream().allMatch(a -> a.answered() && a.answer().idle());
    }

    /** One line: totals over the nodes, and the nodes that could not be asked. */
    static String progress(List<NodeAnswer<TransfersBody>> answers) {
        long pending = 0;
        long running = 0;
        long done = 0;
        long keys = 0;
        for (NodeAnswer<TransfersBody> answer : answers) {
            if (answer.answered()) {
                pending += Cells.count(answer.answer(), "PENDING");
                running += Cells.count(answer.answer(), "RUNNING");
                done += Cells.count(answer.answer(), "DONE");
                keys += answer.answer().transfers().stream().mapToLong(TransferBody::keysSent).sum();
            }
        }
        String unasked = answers.stream().filter(a -> !a.answered()).map(NodeAnswer::node)
                .collect(Collectors.joining(", "));
        return "transfers: " + pending + " pending, " + running + " running, " + done + " done; " + keys
                + " keys sent" + (unasked.isEmpty() ? "" : "; not answering: " + unasked);
    }

    static String render(List<NodeAnswer<TransfersBody>> answers, boolean all) {
        Table table = new Table("NODE", "PARTITION", "RING", "TARGETS", "STATUS", "KEYS SENT", "BYTES", "PASS",
                "RATE", "LEFT", "DROPPED", "PASSES", "FAILURES", "LAST ERROR");
        StringBuilder notes = new StringBuilder();
        for (NodeAnswer<TransfersBody> answer : answers) {
            if (!answer.answered()) {
                notes.append(answer.notAsked());
                continue;
            }
            for (TransferBody t : answer.answer().transfers()) {
                if (all || !"DONE".equals(t.status())) {
                    table.row(answer.node(), t.partition(), "v" + t.ringVersion(), String.join(",", t.targets()),
                            t.status(), t.keysSent(), Cells.bytes(t.bytesSent()),
                            t.passKeys() == 0 ? "-" : t.passKeysDone() + "/" + t.passKeys(),
                            t.keysPerSecond() == 0 ? "-" : Math.round(t.keysPerSecond()) + " keys/s",
                            Cells.age(t.millisLeft()), t.keysDropped(), t.passes(), t.failures(),
                            Cells.orDash(t.lastError()));
                }
            }
        }
        String summary = progress(answers) + "\n";
        return table.isEmpty() ? summary + notes : summary + "\n" + table.render() + notes;
    }
}
