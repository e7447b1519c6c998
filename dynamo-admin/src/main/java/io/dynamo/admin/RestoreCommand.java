package io.dynamo.admin;

import io.dynamo.client.restore.NodeRestore;
import io.dynamo.client.restore.RestoreRefusedException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code restore --from BACKUP --data-dir DIR}: a stopped node's data directory from its backup, on this machine. */
@Command(name = "restore", description = {"Restores a stopped node's data directory from one of its backups, on"
        + " the machine where both are (no node is asked): checks manifest.json and every file's SHA-256 first,"
        + " refuses the backup of another node (--node-id) and a data directory that holds data (unless --replace),"
        + " then copies the files.",
    "Then start the node: it takes a new incarnation of its store, rejoins with the ring it had, and hinted"
            + " handoff and anti-entropy bring it up to date. Exits 1 when the restore is refused."})
final class RestoreCommand implements Callable<Integer> {
    private final Context context;

    @Option(names = "--from", required = true, paramLabel = "BACKUP",
            description = "The backup's directory, e.g. /var/backups/dynamo/node1-v3-20250101T120000.000Z.")
    Path from;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR",
            description = "The node's data directory (its dynamo.data.dir).")
    Path dataDir;

    /** Not --node, which every command takes as the URL of a node to talk to. */
    @Option(names = "--node-id", paramLabel = "ID",
            description = "The node being restored (its dynamo.node.id): refuse another node's backup.")
    String node;

    @Option(names = "--replace", description = "Delete what the data directory holds first.")
    boolean replace;

    RestoreCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String expected = node == null ? null : PlanReview.nodeId(node);
        NodeRestore.Result result;
        try {
            result = NodeRestore.restore(from, dataDir, expected, replace);
        } catch (RestoreRefusedException e) {
            throw new CliFailure(ExitCode.REFUSED, "restore refused: " + e.getMessage());
        }
        var m = result.manifest();
        context.print(m, "restored node " + m.node() + " (ring v" + m.ringVersion() + ", backup of "
                + Instant.ofEpochMilli(m.createdMillis()) + ", " + m.keyCount() + " keys) into " + result.dataDir()
                + ": " + m.files().size() + " files, " + Cells.bytes(result.bytes()) + "\n");
        context.say("Start node " + m.node() + " now: it rejoins with ring v" + m.ringVersion() + " and hinted"
                + " handoff and anti-entropy bring it up to date; writes after the backup that no other replica"
                + " holds are lost.");
        return ExitCode.OK;
    }
}
