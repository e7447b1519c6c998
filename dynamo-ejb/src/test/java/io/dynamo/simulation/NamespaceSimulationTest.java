package io.dynamo.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.antientropy.TombstoneSettings;
import io.dynamo.core.namespace.ConflictPolicy;
import io.dynamo.core.namespace.NamespaceChange;
import io.dynamo.core.namespace.NamespaceSettings;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.node.NodeTiming;
import io.dynamo.testkit.LocalCluster;
import io.dynamo.testkit.NodeWiring;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The set workload over namespaces of N=1, N=2 and N=3 and the default namespace side by side, on five simulated
 * nodes (the cluster's N=3) under the {@link Nemesis} (partitions, one-way cuts, crashes, message loss; no wipes,
 * which no repair undoes for N=1), the namespace of N=2 growing to N=3 three seconds in, then the
 * {@link SetChecker} with each key's own N: no acknowledged write lost,
 * no removal undone, every strict read after a write sees it, and every key's namespace's N owners agree. Each
 * namespace uses the same key names as the others, so a write that landed in another namespace shows up there as
 * an element never written.
 */
class NamespaceSimulationTest {
    private static final int SEEDS = Integer.getInteger("dynamo.seeds", 20);
    private static final String[] NAMESPACES = {"one", "two", "three"};

    @Test
    void namespacesOfNOneTwoAndThreeLoseNothingAndKeepTheirKeysApart() {
        List<String> failures = new ArrayList<>();
        long acknowledged = 0;
        long pairs = 0;
        Long only = Long.getLong("dynamo.seed");
        for (int i = 0; i < (only != null ? 1 : SEEDS); i++) {
            long seed = only != null ? only : 5000 + i;
            Outcome outcome = run(seed);
            acknowledged += outcome.acknowledged;
            pairs += outcome.pairs;
            if (!outcome.problems.isEmpty()) {
                String all = String.join("; ", outcome.problems);
                failures.add("seed " + seed + ": " + (all.length() > 400 ? all.substring(0, 400) + "..." : all));
            }
        }
        System.out.println("namespaces under the set checker: " + acknowledged + " writes acknowledged, " + pairs
                + " strict read-after-write pairs, " + failures.size() + " seeds failed");
        assertThat(failures).as("replay one with -Ddynamo.seed=N").isEmpty();
        assertThat(acknowledged).as("writes got through").isGreaterThan(SEEDS * 50L);
        assertThat(pairs).as("strict read-after-write pairs").isGreaterThan(SEEDS * 50L);
    }

    private record Outcome(long acknowledged, long pairs, List<String> problems) {
    }

    private static Outcome run(long seed) {
        NodeTiming timing = LocalCluster.fastTiming()
                .withTombstones(new TombstoneSettings(Duration.ofSeconds(5), Duration.ofMillis(500), 100));
        try (LocalCluster cluster = new LocalCluster(seed, 5, 3, 2, 2, 16, timing, NodeWiring.PLAIN)) {
            createNamespaces(cluster);
            List<String> keys = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                keys.add("set-" + k);
                for (String ns : NAMESPACES) {
                    keys.add(ns + "::set-" + k);
                }
            }
            Random random = new Random(seed * 31 + 7);
            cluster.network().delays(1, 15).duplication(0.02);
            SetWorkload workload = new SetWorkload(cluster, random, keys, 400);
            Nemesis nemesis = new Nemesis(cluster, random, 0.03).withoutWipes();
            workload.start(5);
            nemesis.start();
            for (int i = 0; i < 800 && !workload.finished(); i++) {
                cluster.runFor(Duration.ofMillis(100));
                if (i == 30) {
                    growTwo(cluster);
                }
            }
            nemesis.stop();
            cluster.network().duplication(0);
            cluster.runFor(Duration.ofSeconds(20));
            SetChecker checker = new SetChecker(cluster, workload.history(), NamespaceSimulationTest::replicas, true,
                    true);
            List<String> problems = new ArrayList<>(checker.check(workload.keys()));
            if (!workload.finished()) {
                problems.add(0, "the clients did not finish");
            }
            for (String id : cluster.nodeIds()) {
                if (cluster.node(id).namespaces().require("two").replicas() != 3) {
                    problems.add("node " + id + " did not learn that namespace two has N=3");
                }
            }
            long acked = workload.history().stream().filter(op -> op.added != null && op.acknowledged()).count();
            return new Outcome(acked, checker.pairsChecked(), problems);
        }
    }

    /** N of the key's namespace once the run is over: one has 1, the others 3 (two grew from 2 to 3). */
    private static int replicas(String key) {
        return key.startsWith("one::") ? 1 : 3;
    }

    /**
     * Namespace two goes from N=2 to N=3 (R and W stay 2) through a running node while the clients and the nemesis
     * go on; no data moves, as the cluster's N=3 replicas already hold its keys (docs/replication.md).
     */
    private static void growTwo(LocalCluster cluster) {
        DynamoNode via = cluster.node(cluster.nodeIds().stream().filter(cluster::isRunning).findFirst().orElseThrow());
        NamespaceSettings two = via.namespaces().require("two");
        via.namespaces().commit(via.namespaces().catalogVersion(), new NamespaceChange(NamespaceChange.Kind.CHANGE,
                "two", new NamespaceSettings(3, 2, 2, 0, two.policy(), two.maxKeyBytes(), two.maxValueBytes(),
                two.siblingsWarn(), two.siblingsMax(), two.role())));
    }

    /** Creates the namespaces through one node, with majority quorums, and waits until gossip took them everywhere. */
    static void createNamespaces(LocalCluster cluster) {
        DynamoNode via = cluster.node(cluster.nodeIds().get(0));
        for (String ns : NAMESPACES) {
            int n = ns.equals("one") ? 1 : ns.equals("two") ? 2 : 3;
            via.namespaces().commit(via.namespaces().catalogVersion(), new NamespaceChange(
                    NamespaceChange.Kind.CREATE, ns, new NamespaceSettings(n, n / 2 + 1, n / 2 + 1, 0,
                    ConflictPolicy.SIBLINGS, NodeConfig.DEFAULT_MAX_KEY_BYTES, 1 << 20, 8, 64, "none")));
        }
        for (int i = 0; i < 100 && !everywhere(cluster); i++) {
            cluster.runFor(Duration.ofMillis(100));
        }
        assertThat(everywhere(cluster)).as("every node learned the namespaces by gossip").isTrue();
    }

    private static boolean everywhere(LocalCluster cluster) {
        return cluster.nodeIds().stream().allMatch(id -> cluster.node(id).namespaces().list().size()
                == NAMESPACES.length + 1);
    }
}
