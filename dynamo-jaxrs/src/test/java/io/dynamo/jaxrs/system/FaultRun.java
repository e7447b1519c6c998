package io.dynamo.jaxrs.system;

import io.dynamo.client.DynamoClient;
import io.dynamo.client.DynamoClientException;
import io.dynamo.client.ReadOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Jepsen-style runs on three real nodes: the {@link SetWorkload} against a {@link FaultSchedule}, then a heal, a
 * wait for {@link Convergence}, a read of every key from all three replicas, and the set checker's {@link Verdict}.
 * Nothing here asserts: the caller prints the verdict first, so a failure keeps its evidence.
 */
final class FaultRun implements AutoCloseable {
    /** Three nodes on their own loopback addresses, so that iptables can cut the traffic between two of them. */
    static final List<String> HOSTS = List.of("127.0.0.1", "127.0.0.2", "127.0.0.3");
    /** N = the cluster's size, R + W > N; short intervals so that faults show and heal within seconds. */
    static final List<String> SETTINGS = List.of("-Ddynamo.n=3", "-Ddynamo.r=2", "-Ddynamo.w=2", "-Ddynamo.q=32",
            "-Ddynamo.antientropy.interval.ms=200", "-Ddynamo.handoff.interval.ms=500",
            "-Ddynamo.probe.interval.ms=500", "-Ddynamo.request.timeout.ms=1000");
    private static final int CLIENTS = 4;

    private final ThreeNodes cluster;
    private final Nemesis nemesis;

    private FaultRun(ThreeNodes cluster, Nemesis nemesis) {
        this.cluster = cluster;
        this.nemesis = nemesis;
    }

    /** Starts three nodes that deploy {@code war}, under a nemesis (needs root, for iptables). */
    static FaultRun start(String name, Path war) throws Exception {
        Nemesis nemesis = new Nemesis();
        try {
            return new FaultRun(ThreeNodes.start(name, HOSTS, SETTINGS, war), nemesis);
        } catch (Exception | Error e) {
            nemesis.close();
            throw e;
        }
    }

    List<MicroNode> nodes() {
        return cluster.nodes;
    }

    @Override
    public void close() throws Exception {
        try {
            nemesis.close();
        } finally {
            cluster.stop();
        }
    }

    /** The run's seed: {@code -Ddynamo.faults.seed}, or the wall clock when none is given. */
    static long seed() {
        return Long.getLong("dynamo.faults.seed", System.currentTimeMillis());
    }

    Verdict run(long seed, Duration length, List<FaultSchedule.Fault> faults, Duration convergeWithin)
            throws InterruptedException {
        List<String> failures = new ArrayList<>();
        SetWorkload workload = SetWorkload.start(CLIENTS, seed, () -> client(cluster));
        FaultSchedule schedule = new FaultSchedule(cluster, nemesis, seed, faults);
        try {
            schedule.run(length);
        } catch (Exception | AssertionError e) {
            failures.add("the nemesis failed: " + e);
        }
        workload.stop(Duration.ofSeconds(60));
        try {
            heal();
        } catch (Exception | AssertionError e) {
            failures.add("the heal failed: " + e);
        }
        Convergence.Result convergence = Convergence.await(cluster.nodes, SetWorkload.KEYS, convergeWithin);
        Map<String, Set<String>> lost = new TreeMap<>();
        Map<String, Set<String>> stray = new TreeMap<>();
        try (DynamoClient reader = client(cluster)) {
            for (String key : SetWorkload.KEYS) {
                try {
                    Set<String> present = SetWorkload.union(reader.get(key, ReadOptions.quorum(3)));
                    lost.put(key, minus(workload.acknowledged(key), present));
                    stray.put(key, minus(present, workload.attempted(key)));
                } catch (DynamoClientException e) {
                    failures.add("the final read of " + key + " with R=3 failed: " + e.getMessage());
                }
            }
        }
        Outcomes outcomes = workload.outcomes();
        return new Verdict(seed, length.toSeconds() + " s of " + faults, schedule.log(), schedule.ineffectiveCuts(),
                outcomes.counts(), workload.attemptedCount(), workload.acknowledgedCount(),
                outcomes.unexpectedExamples(), outcomes.unexpectedCount(), workload.deaths(), workload.staleReads(),
                workload.staleExamples(), lost, stray, convergence, failures);
    }

    private void heal() throws Exception {
        nemesis.heal();
        for (MicroNode node : cluster.nodes) {
            if (!node.alive()) {
                node.start(false, cluster.seeds);
            }
            node.await("ready", ThreeNodes.START);
        }
    }

    private static DynamoClient client(ThreeNodes cluster) {
        DynamoClient.Builder builder = DynamoClient.builder().readTimeout(Duration.ofSeconds(5))
                .connectTimeout(Duration.ofSeconds(1))
                .credentials("client", MicroNode.CLIENT_PASSWORD);
        cluster.nodes.forEach(n -> builder.seed(n.api()));
        return builder.build();
    }

    private static Set<String> minus(Set<String> all, Set<String> removed) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(removed);
        return rest;
    }
}
