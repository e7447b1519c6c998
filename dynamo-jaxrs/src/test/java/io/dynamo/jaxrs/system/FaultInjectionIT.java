package io.dynamo.jaxrs.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.jaxrs.client.DynamoClient;
import io.dynamo.jaxrs.client.DynamoClientException;
import io.dynamo.jaxrs.client.ReadOptions;
import io.dynamo.jaxrs.client.Sibling;
import io.dynamo.jaxrs.client.Versions;
import io.dynamo.jaxrs.client.WriteOptions;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jepsen-style: three real nodes, each on its own loopback address, while clients add unique elements to a few keys
 * by read-modify-write with the context (siblings merged as a set union), and a nemesis repeatedly cuts and heals the
 * network between nodes, kills a node with SIGKILL and restarts it, and pauses one with SIGSTOP. After the faults
 * stop and the cluster heals: every acknowledged element must be present, no element may appear that was never
 * written, and every replica must hold the same versions. Bounded by {@code dynamo.faults.seconds} (default 60).
 */
class FaultInjectionIT {
    private static final long SEED = Long.getLong("dynamo.faults.seed", System.currentTimeMillis());
    private static final Duration FAULTS = Duration.ofSeconds(Long.getLong("dynamo.faults.seconds", 60));
    private static final List<String> KEYS = List.of("set-a", "set-b", "set-c", "set-d");
    private static final int CLIENTS = 4;
    private static ThreeNodes cluster;
    private static Nemesis nemesis;

    @BeforeAll
    static void start() throws Exception {
        nemesis = new Nemesis();
        cluster = ThreeNodes.start("faults", List.of("127.0.0.1", "127.0.0.2", "127.0.0.3"), List.of(
                "-Ddynamo.n=3", "-Ddynamo.r=2", "-Ddynamo.w=2", "-Ddynamo.q=32",
                "-Ddynamo.antientropy.interval.ms=200", "-Ddynamo.handoff.interval.ms=500",
                "-Ddynamo.probe.interval.ms=500", "-Ddynamo.request.timeout.ms=1000"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (nemesis != null) {
            nemesis.close();
        }
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Test
    void noAcknowledgedElementIsLostThroughPartitionsCrashesAndPauses() throws Exception {
        Map<String, Set<String>> attempted = new ConcurrentHashMap<>();
        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        KEYS.forEach(k -> {
            attempted.put(k, ConcurrentHashMap.newKeySet());
            acknowledged.put(k, ConcurrentHashMap.newKeySet());
        });
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong refused = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int id = c;
            Thread t = new Thread(() -> addElements(id, running, attempted, acknowledged, refused), "client-" + c);
            t.start();
            clients.add(t);
        }

        List<String> faults = runNemesis(new Random(SEED));
        running.set(false);
        for (Thread t : clients) {
            t.join(Duration.ofSeconds(60).toMillis());
        }

        long healStarted = System.nanoTime();
        heal();
        long converged = ThreeNodes.eventually("hints drain and every replica of every key matches",
                Duration.ofMinutes(4), () -> cluster.nodes.stream().allMatch(n -> hintCount(n) == 0)
                        && KEYS.stream().allMatch(FaultInjectionIT::replicasEqual));

        long attemptedCount = attempted.values().stream().mapToLong(Set::size).sum();
        long acknowledgedCount = acknowledged.values().stream().mapToLong(Set::size).sum();
        long lost = 0;
        long unexpected = 0;
        try (DynamoClient reader = client()) {
            for (String key : KEYS) {
                Set<String> present = union(reader.get(key, ReadOptions.quorum(3)));
                Set<String> missing = new TreeSet<>(acknowledged.get(key));
                missing.removeAll(present);
                Set<String> stray = new TreeSet<>(present);
                stray.removeAll(attempted.get(key));
                lost += missing.size();
                unexpected += stray.size();
                assertThat(missing).as("acknowledged elements of %s that are gone (seed %d)", key, SEED).isEmpty();
                assertThat(stray).as("elements of %s that were never written (seed %d)", key, SEED).isEmpty();
            }
        }
        System.out.printf("faults seed %d over %s: %s%nattempted %d, acknowledged %d, refused or failed %d, lost %d,"
                + " unexpected %d, converged %d ms after healing (%d ms in all)%n", SEED, FAULTS, faults,
                attemptedCount, acknowledgedCount, refused.get(), lost, unexpected, converged,
                (System.nanoTime() - healStarted) / 1_000_000);
        assertThat(acknowledgedCount).as("some writes got through the faults").isPositive();
    }

    /** One client: read a key, merge its siblings, add a new element, write it back with the read's context. */
    private static void addElements(int id, AtomicBoolean running, Map<String, Set<String>> attempted,
            Map<String, Set<String>> acknowledged, AtomicLong refused) {
        Random random = new Random(SEED + id);
        try (DynamoClient dynamo = client()) {
            for (int n = 0; running.get(); n++) {
                String key = KEYS.get(random.nextInt(KEYS.size()));
                String element = "c" + id + "-" + n;
                try {
                    Versions read = dynamo.get(key, ReadOptions.quorum(2));
                    Set<String> elements = union(read);
                    elements.add(element);
                    attempted.get(key).add(element);
                    dynamo.put(key, read.context(), String.join("\n", elements).getBytes(StandardCharsets.UTF_8),
                            "text/plain", WriteOptions.quorum(2));
                    acknowledged.get(key).add(element);
                } catch (DynamoClientException e) {
                    refused.incrementAndGet(); // not acknowledged: it may or may not be there afterwards
                }
            }
        }
    }

    /** Every few seconds one fault, then a heal; at most one node is down or paused at a time. */
    private static List<String> runNemesis(Random random) throws Exception {
        List<String> log = new ArrayList<>();
        long end = System.nanoTime() + FAULTS.toNanos();
        List<MicroNode> nodes = cluster.nodes;
        while (System.nanoTime() < end) {
            MicroNode a = nodes.get(random.nextInt(3));
            MicroNode b = nodes.get((nodes.indexOf(a) + 1 + random.nextInt(2)) % 3);
            switch (random.nextInt(4)) {
                case 0 -> {
                    for (MicroNode other : nodes) {
                        if (other != a) {
                            nemesis.cut(a, other);
                        }
                    }
                    Thread.sleep(4000 + random.nextInt(4000));
                    log.add("cut " + a.name + "|others (" + a.name + " saw " + reachability(a) + ")");
                    nemesis.heal();
                }
                case 1 -> {
                    nemesis.cut(a, b);
                    Thread.sleep(4000 + random.nextInt(4000));
                    log.add("cut " + a.name + "|" + b.name + " (" + a.name + " saw " + reachability(a) + ")");
                    nemesis.heal();
                }
                case 2 -> {
                    log.add("kill " + a.name);
                    a.kill();
                    Thread.sleep(2000 + random.nextInt(3000));
                    a.start(false, cluster.seeds);
                    a.await("ready", ThreeNodes.START);
                }
                default -> {
                    log.add("pause " + a.name);
                    a.pause();
                    Thread.sleep(3000 + random.nextInt(3000));
                    a.resume();
                }
            }
            Thread.sleep(1000 + random.nextInt(2000));
        }
        return log;
    }

    /** How the node sees the others now: evidence in the report that a cut really cut. */
    private static String reachability(MicroNode node) {
        try {
            return Http.json(Http.get(node.api().resolve("admin/nodes"))).getJsonArray("nodes").stream()
                    .map(JsonValue::asJsonObject).filter(n -> !n.getBoolean("self"))
                    .map(n -> n.getString("node") + " " + n.getJsonObject("health").getString("reachability"))
                    .toList().toString();
        } catch (RuntimeException e) {
            return "nothing (" + e.getMessage() + ")";
        }
    }

    private static void heal() throws Exception {
        nemesis.heal();
        for (MicroNode node : cluster.nodes) {
            if (!node.alive()) {
                node.start(false, cluster.seeds);
            }
            node.await("ready", ThreeNodes.START);
        }
    }

    private static DynamoClient client() {
        DynamoClient.Builder builder = DynamoClient.builder().readTimeout(Duration.ofSeconds(5))
                .connectTimeout(Duration.ofSeconds(1));
        cluster.nodes.forEach(n -> builder.seed(n.api()));
        return builder.build();
    }

    private static Set<String> union(Versions versions) {
        Set<String> elements = new TreeSet<>();
        for (Sibling sibling : versions.siblings()) {
            for (String e : sibling.asString().split("\n")) {
                if (!e.isEmpty()) {
                    elements.add(e);
                }
            }
        }
        return elements;
    }

    private static long hintCount(MicroNode node) {
        return Http.json(Http.get(node.api().resolve("admin/hints"))).getJsonNumber("count").longValue();
    }

    private static boolean replicasEqual(String key) {
        JsonObject versions = Http.json(Http.get(cluster.nodes.get(0).api().resolve("admin/keys/" + key
                + "/versions")));
        for (JsonValue replica : versions.getJsonArray("replicas")) {
            JsonObject r = replica.asJsonObject();
            if (r.containsKey("error") || !"EQUAL".equals(r.getString("relation", ""))) {
                return false;
            }
        }
        return true;
    }
}
