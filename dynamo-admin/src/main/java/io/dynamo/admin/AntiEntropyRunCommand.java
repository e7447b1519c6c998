package io.dynamo.admin;

import io.dynamo.api.ExchangeBody;
import io.dynamo.api.NodeBody;
import io.dynamo.api.RingBody;
import io.dynamo.client.DynamoAdmin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code anti-entropy run PARTITION}: one exchange of the partition now, run by its owner. */
@Command(name = "run", description = "Runs one anti-entropy exchange of the partition now, on the partition's owner"
        + " with its next replica, and prints what it compared and repaired.")
final class AntiEntropyRunCommand implements Callable<Integer> {
    private final Context context;

    @Parameters(paramLabel = "PARTITION", description = "The partition, 0 to Q-1 (see 'dynamo-admin ring --ranges').")
    int partition;

    AntiEntropyRunCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (partition < 0) {
            throw CliFailure.usage("PARTITION must be 0 or more; got " + partition + ".");
        }
        Cluster cluster = context.cluster();
        RingBody ring = cluster.admin().ring();
        if (partition >= ring.partitions()) {
            throw CliFailure.usage("partition " + partition + " does not exist: ring v" + ring.version() + " has Q="
                    + ring.partitions() + " (partitions 0 to " + (ring.partitions() - 1) + ").");
        }
        ExchangeBody exchange = ownerOf(cluster, ring).antiEntropy(partition);
        context.print(exchange, render(exchange));
        return ExitCode.OK;
    }

    /** The owner runs the exchange (a node that is not a replica refuses); any node when the owner has no address. */
    private DynamoAdmin ownerOf(Cluster cluster, RingBody ring) {
        String owner = ring.owners().get(partition);
        return cluster.admin().nodes().nodes().stream()
                .filter(n -> n.node().equals(owner) && n.httpAddress() != null && !n.httpAddress().isBlank())
                .map(NodeBody::httpAddress).findFirst().map(cluster::adminAt).orElse(cluster.admin());
    }

    static String render(ExchangeBody e) {
        String outcome = e.inSync() ? "in sync" : e.segmentsDiffering() + " segments differed";
        return "partition " + e.partition() + ": " + e.answeredBy() + " with " + e.peer() + ": " + outcome + "; "
                + e.keysCompared() + " keys compared, " + e.keysReceived() + " received, " + e.keysRepaired()
                + " repaired, " + e.keysSent() + " sent; " + e.roundTrips() + " round trips, " + e.tookMillis()
                + " ms\n";
    }
}
