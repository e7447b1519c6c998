package io.dynamo.simulation;

import io.dynamo.core.antientropy.TombstoneSettings;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.node.NodeTiming;
import io.dynamo.core.store.StorageEngine;
import io.dynamo.testkit.LocalCluster;
import io.dynamo.testkit.NodeWiring;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * One seeded run of the set workload on five simulated nodes (N=3, the clients count on R=2 and W=2) under the
 * {@link Nemesis}, then twenty quiet seconds to heal, then the {@link SetChecker}. Every node's clock is off by up to
 * half a second, and tombstones older than five seconds are removed, so clock skew reaches the decision that depends
 * on it. The same seed gives the same run.
 */
final class SetSimulation {
    static final int N = 3;
    static final int R = 2;
    static final int W = 2;
    static final Duration TOMBSTONE_GRACE = Duration.ofSeconds(5);
    static final long MAX_SKEW_MILLIS = 500;

    /**
     * How the nodes are built for a run.
     *
     * @param nodeR            R the nodes are configured with (the clients and the checker count on R)
     * @param nodeW            W the nodes are configured with (the clients and the checker count on W)
     * @param clockMaxEntries  the truncation threshold
     * @param plant            wraps each node's store, to plant a bug in it (identity for none)
     * @param removalsChecked  whether the checker holds removals to staying removed ({@link SetChecker} 3 and 6)
     */
    record Scenario(int nodeR, int nodeW, int clockMaxEntries,
                    BiFunction<String, StorageEngine, StorageEngine> plant, boolean removalsChecked) {
        static final Scenario CORRECT = new Scenario(R, W, NodeConfig.DEFAULT_CLOCK_MAX_ENTRIES, (id, s) -> s, true);

        Scenario withQuorums(int r, int w) {
            return new Scenario(r, w, clockMaxEntries, plant, removalsChecked);
        }

        Scenario withPlant(BiFunction<String, StorageEngine, StorageEngine> storePlant) {
            return new Scenario(nodeR, nodeW, clockMaxEntries, storePlant, removalsChecked);
        }

        /**
         * Two entries a clock, fewer than a key's three coordinators: truncation happens on every busy key. Removals
         * are not checked: a write that supersedes a version may drop that version's writer from the clock (it is still
         * writing, but its entry is the oldest), and a replica only one write behind then keeps the superseded version
         * when it merges the write, so removed elements come back: the cost of truncation versioning.md describes,
         * without the far-behind replica. {@code -Ddynamo.truncation.removals=true} checks them anyway.
         */
        Scenario truncating() {
            return new Scenario(nodeR, nodeW, 2, plant, Boolean.getBoolean("dynamo.truncation.removals"));
        }
    }

    record Result(int attempted, int acknowledged, long pairsChecked, long truncations, long tombstonesRemoved,
                  int wipes, List<String> problems, String finalState) {
    }

    private SetSimulation() {
    }

    static Result run(long seed, Scenario scenario) {
        StoreWatch watch = new StoreWatch();
        NodeWiring wiring = NodeWiring.PLAIN.withClockMaxEntries(scenario.clockMaxEntries())
                .withStorage((id, store) -> watch.watch(scenario.plant().apply(id, store)))
                .withClockOffsets(id -> new Random(seed * 131 + id.hashCode()).nextLong(
                        -MAX_SKEW_MILLIS, MAX_SKEW_MILLIS + 1));
        NodeTiming timing = LocalCluster.fastTiming()
                .withTombstones(new TombstoneSettings(TOMBSTONE_GRACE, Duration.ofMillis(500), 100));
        try (LocalCluster cluster = new LocalCluster(seed, 5, N, scenario.nodeR(), scenario.nodeW(), 16, timing,
                wiring)) {
            Random random = new Random(seed * 31 + 7);
            cluster.network().delays(1, 15).duplication(0.02);
            SetWorkload workload = new SetWorkload(cluster, random, 6, 300);
            Nemesis nemesis = new Nemesis(cluster, random, 0.03);
            workload.start(5);
            nemesis.start();
            for (int i = 0; i < 600 && !workload.finished(); i++) {
                cluster.runFor(Duration.ofMillis(100));
            }
            nemesis.stop();
            cluster.network().duplication(0);
            cluster.runFor(Duration.ofSeconds(20));
            SetChecker checker = new SetChecker(cluster, workload.history(), N, R, W, scenario.removalsChecked());
            List<String> problems = new ArrayList<>(checker.check(workload.keys()));
            if (!workload.finished()) {
                problems.add(0, "the clients did not finish");
            }
            StringBuilder state = new StringBuilder();
            for (String key : workload.keys()) {
                for (String id : cluster.nodeIds()) {
                    state.append(id).append(' ').append(cluster.stored(id, key)).append('\n');
                }
            }
            List<SetOp> history = workload.history();
            int attempted = (int) history.stream().filter(op -> op.added != null && op.wrote()).count();
            int acknowledged = (int) history.stream().filter(op -> op.added != null && op.acknowledged()).count();
            return new Result(attempted, acknowledged, checker.pairsChecked(), watch.truncations(),
                    watch.tombstonesRemoved(), nemesis.wipes(), problems, state.toString());
        }
    }
}
