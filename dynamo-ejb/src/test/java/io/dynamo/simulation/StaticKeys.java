package io.dynamo.simulation;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.Context;
import io.dynamo.testkit.LocalCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

/**
 * Keys written once, before any fault or ring change, and then only read, through random nodes, while the ring
 * changes: the reads that show whether a new replica answers before it holds the data (a key the workload keeps
 * rewriting reaches new replicas through the writes themselves). A read that misses the value counts only when the
 * cluster was calm as it began (every node running and routing to every other), no message was lost from a
 * forward timeout before it until it ended, and no node had lost its data: what a strict quorum promises.
 */
final class StaticKeys {
    private record Read(String key, String via, long start, long end, boolean calm, boolean found) {
    }

    private final LocalCluster cluster;
    private final Random random;
    private final int count;
    private final List<Read> reads = new ArrayList<>();
    private final long lookBackMillis;
    private boolean running = true;

    StaticKeys(LocalCluster cluster, Random random, int count) {
        this.cluster = cluster;
        this.random = random;
        this.count = count;
        this.lookBackMillis = cluster.timing().forwardTimeout().toMillis();
    }

    /** Writes every key through a random node, waiting for each acknowledgement (W of the nodes' setting). */
    void write() {
        for (int i = 0; i < count; i++) {
            cluster.await(cluster.node(cluster.nodeIds().get(random.nextInt(cluster.nodeIds().size())))
                    .putAsync(Key.of("static-" + i), Context.EMPTY, LocalCluster.text("v" + i), OptionalInt.empty()));
        }
    }

    void startReading(Duration every) {
        cluster.scheduler().schedule(every, () -> readOne(every));
    }

    void stop() {
        running = false;
    }

    int checked() {
        return (int) reads.stream().filter(this::counts).count();
    }

    List<String> problems() {
        List<String> out = new ArrayList<>();
        for (Read r : reads) {
            if (!r.found() && counts(r)) {
                out.add(r.key() + ": read at " + r.start() + " through " + r.via() + " missed the value acknowledged"
                        + " before any ring change");
            }
        }
        return out;
    }

    private boolean counts(Read r) {
        return r.calm() && !cluster.network().droppedBetween(r.start() - lookBackMillis, r.end())
                && !cluster.wipedBetween(0, r.end());
    }

    private void readOne(Duration every) {
        if (!running) {
            return;
        }
        List<String> up = cluster.nodeIds().stream().filter(cluster::isRunning).toList();
        String via = up.get(random.nextInt(up.size()));
        int i = random.nextInt(count);
        long start = cluster.scheduler().nowMillis();
        boolean calm = SetWorkload.calm(cluster);
        try {
            cluster.node(via).getAsync(Key.of("static-" + i), OptionalInt.empty()).whenComplete((read, failure) -> {
                if (failure == null) {
                    boolean found = read.values().stream().map(LocalCluster::text).anyMatch(("v" + i)::equals);
                    reads.add(new Read("static-" + i, via, start, cluster.scheduler().nowMillis(), calm, found));
                }
            });
        } catch (RuntimeException refused) {
            // A node that knows no ring yet refuses at once; a client moves on.
        }
        cluster.scheduler().schedule(every, () -> readOne(every));
    }
}
