package io.dynamo.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.Key;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.testkit.LocalCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Jepsen's set checker on simulated clusters: many seeds of concurrent read-modify-write clients under random
 * partitions, crashes and message loss. After the faults stop and the cluster heals, every acknowledged element
 * is present, nothing appears that was never written, and every replica of every key holds the same versions.
 * A failure names its seed; {@code -Ddynamo.seed=N} replays that one seed.
 */
class SetCheckerTest {
    private static final int SEEDS = Integer.getInteger("dynamo.seeds", 200);

    @Test
    void noAcknowledgedWriteIsLostOverManySeeds() {
        Long only = Long.getLong("dynamo.seed");
        List<String> failures = new ArrayList<>();
        long acknowledged = 0;
        long attempted = 0;
        int seeds = only != null ? 1 : SEEDS;
        for (int i = 0; i < seeds; i++) {
            long seed = only != null ? only : 1000 + i;
            Result r = run(seed);
            acknowledged += r.acknowledged;
            attempted += r.attempted;
            if (!r.problems.isEmpty()) {
                String all = String.join("; ", r.problems);
                failures.add("seed " + seed + ": " + (all.length() > 400 ? all.substring(0, 400) + "..." : all));
            }
        }
        System.out.printf("set checker: %d seeds, %d additions attempted, %d acknowledged, %d seeds failed%n",
                seeds, attempted, acknowledged, failures.size());
        assertThat(failures).as("replay one with -Ddynamo.seed=N").isEmpty();
        assertThat(acknowledged).as("the workload must get writes through").isGreaterThan(attempted / 3);
    }

    @Test
    void aSeedReplaysExactly() {
        Result first = run(1234);
        Result second = run(1234);
        assertThat(second).isEqualTo(first);
        assertThat(first.finalState()).isNotEmpty();
    }

    record Result(int attempted, int acknowledged, List<String> problems, String finalState) {
    }

    static Result run(long seed) {
        try (LocalCluster cluster = new LocalCluster(seed, 5, 3, 2, 2, 16, LocalCluster.fastTiming())) {
            Random random = new Random(seed * 31 + 7);
            cluster.network().delays(1, 15).loss(0.03).duplication(0.02);
            SetWorkload workload = new SetWorkload(cluster, random, 6, 300);
            Nemesis nemesis = new Nemesis(cluster, random);
            workload.start(5);
            nemesis.start();
            for (int i = 0; i < 600 && !workload.finished(); i++) {
                cluster.runFor(Duration.ofMillis(100));
            }
            nemesis.stop();
            cluster.network().loss(0).duplication(0);
            cluster.runFor(Duration.ofSeconds(20));
            return check(cluster, workload);
        }
    }

    private static Result check(LocalCluster cluster, SetWorkload workload) {
        List<String> problems = new ArrayList<>();
        if (!workload.finished()) {
            problems.add("the clients did not finish");
        }
        for (String key : workload.keys()) {
            PreferenceList list = cluster.ring().preferenceList(
                    cluster.ring().partitioner().partitionOfKey(Key.of(key).bytes()), 3);
            SiblingSet first = null;
            Set<String> anywhere = new TreeSet<>();
            for (String replica : list.replicas()) {
                anywhere.addAll(SetWorkload.elements(cluster.stored(replica, key).liveValues()));
            }
            Set<String> gone = new TreeSet<>(workload.acknowledged(key));
            gone.removeAll(anywhere);
            if (!gone.isEmpty()) {
                problems.add(key + " LOST FROM EVERY REPLICA " + gone);
            }
            for (String replica : list.replicas()) {
                SiblingSet held = cluster.stored(replica, key);
                Set<String> present = SetWorkload.elements(held.liveValues());
                Set<String> lost = new TreeSet<>(workload.acknowledged(key));
                lost.removeAll(present);
                Set<String> unexpected = new TreeSet<>(present);
                unexpected.removeAll(workload.attempted(key));
                if (!lost.isEmpty()) {
                    problems.add(key + " on " + replica + " lost " + lost);
                }
                if (!unexpected.isEmpty()) {
                    problems.add(key + " on " + replica + " has never-written " + unexpected);
                }
                if (first != null && !first.equals(held)) {
                    problems.add(key + " differs between replicas " + list.replicas().get(0) + " and " + replica);
                }
                first = first == null ? held : first;
            }
        }
        for (String id : cluster.nodeIds()) {
            if (!cluster.hintStore(id).targets().isEmpty()) {
                problems.add(id + " still holds hints for " + cluster.hintStore(id).targets());
            }
        }
        StringBuilder state = new StringBuilder();
        for (String key : workload.keys()) {
            for (String id : cluster.nodeIds()) {
                state.append(id).append(' ').append(cluster.stored(id, key)).append('\n');
            }
        }
        return new Result(workload.attemptedCount(), workload.acknowledgedCount(), problems, state.toString());
    }
}
