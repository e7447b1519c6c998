package io.dynamo.admin;

import io.dynamo.api.BackupBody;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backup --dir DIR}: an online backup of every node onto its own disk; without {@code --dir}, each node's
 * latest backup; with {@code --wait}, until none runs.
 */
@Command(name = "backup", description = {"With --dir, starts an online backup on every node: each copies its stores"
        + " (data, hints, membership) into a new directory under DIR on its own disk, with manifest.json (node,"
        + " ring version, time, key count, SHA-256 of every file), while it keeps serving. Without --dir, shows"
        + " each node's backup under way or latest.",
    "With --wait, asks every second and prints each node's progress until every backup is DONE (exit 0) or one"
            + " FAILED (exit 1), or --timeout seconds passed (default 3600; exit 6).",
    "Restore one with 'dynamo-admin restore' (docs/backup.md)."})
final class BackupCommand implements Callable<Integer> {
    private static final Duration DEFAULT_WAIT = Duration.ofHours(1);
    private static final Duration POLL = Duration.ofSeconds(1);
    private final Context context;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "An absolute path of an existing, writable directory on each node's own disk.")
    String dir;

    @Option(names = "--wait", description = "Wait until every node's backup is done.")
    boolean await;

    BackupCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        String directory = dir == null ? null : absolute(dir);
        if (await) {
            context.waitsLong = true;
        }
        Cluster cluster = context.cluster();
        List<NodeAnswer<BackupBody>> started = cluster.askEach(cluster.admin().nodes(),
                admin -> directory == null ? admin.backupStatus() : admin.backup(directory));
        if (!await || started.stream().noneMatch(NodeAnswer::answered)) {
            context.print(started, render(started));
            return exitCode(started);
        }
        long deadline = System.nanoTime() + context.timeout(DEFAULT_WAIT).toNanos();
        String last = null;
        while (true) {
            List<NodeAnswer<BackupBody>> answers = cluster.askEach(cluster.admin().nodes(),
                    admin -> admin.backupStatus());
            String progress = progress(answers);
            if (!progress.equals(last)) {
                context.say(progress);
                last = progress;
            }
            if (answers.stream().noneMatch(a -> a.answered() && "RUNNING".equals(a.answer().state()))) {
                context.print(answers, render(answers));
                int code = exitCode(answers);
                // A node that refused to start one shows its previous backup now: the refusal counts.
                return code == ExitCode.OK ? exitCode(started) : code;
            }
            if (System.nanoTime() - deadline >= 0) {
                context.print(answers, render(answers));
                throw new CliFailure(ExitCode.TIMED_OUT, "backups still running after "
                        + context.timeout(DEFAULT_WAIT).toSeconds() + " s (" + progress + ").\nThey go on; follow"
                        + " them with 'dynamo-admin backup --wait'.");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    static String absolute(String dir) {
        try {
            if (Path.of(dir).isAbsolute()) {
                return dir;
            }
        } catch (InvalidPathException e) {
            throw CliFailure.usage("--dir " + dir + " is not a path: " + e.getReason() + ".");
        }
        throw CliFailure.usage("--dir " + dir + " is relative; give an absolute path on the nodes' disks, e.g."
                + " /var/backups/dynamo.");
    }

    /** 0 when every node answered and none failed; 1 when one refused or failed; 3 when one could not be asked. */
    static int exitCode(List<NodeAnswer<BackupBody>> answers) {
        if (answers.stream().anyMatch(a -> a.answered() && "FAILED".equals(a.answer().state())
                || !a.answered() && a.error().contains(" refused the request ("))) {
            return ExitCode.REFUSED;
        }
        return NodeAnswer.exitCode(answers);
    }

    /** One line: each node's state and progress. */
    static String progress(List<NodeAnswer<BackupBody>> answers) {
        return "backup: " + answers.stream().map(a -> a.node() + " " + (a.answered() ? a.answer().state() + " "
                + a.answer().filesDone() + "/" + a.answer().filesTotal() + " files, "
                + Cells.bytes(a.answer().bytesDone()) + " of " + Cells.bytes(a.answer().bytesTotal())
                : "not answering")).collect(Collectors.joining("; "));
    }

    static String render(List<NodeAnswer<BackupBody>> answers) {
        Table table = new Table("NODE", "STATE", "FILES", "BYTES", "DIRECTORY", "ERROR");
        StringBuilder notes = new StringBuilder();
        for (NodeAnswer<BackupBody> answer : answers) {
            if (!answer.answered()) {
                notes.append(answer.notAsked());
                continue;
            }
            BackupBody b = answer.answer();
            table.row(answer.node(), b.state(), b.filesDone() + "/" + b.filesTotal(), Cells.bytes(b.bytesDone()),
                    Cells.orDash(b.directory()), Cells.orDash(b.error()));
        }
        return table.render() + notes;
    }
}
