package io.dynamo.jaxrs.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.client.DynamoClient;
import io.dynamo.client.DynamoClientException;
import io.dynamo.client.Versions;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ring changes on real Payara Micro nodes under client load while the nemesis cuts links: three nodes, then a fourth
 * and a fifth join in one plan, one of the first three leaves, another is SIGKILLed and replaced by a sixth, and N
 * grows from 3 to 4 (R=2, W=3) through a plan. Afterwards no acknowledged write is lost, sampled keys sit on exactly
 * their 4 replicas, the node that left holds
 * nothing and no node keeps hints for a node that is gone. A key listing begun before the join finishes after it,
 * through a node that joined, with every key exactly once. Bounded: about five minutes, most of it Payara starting.
 */
class RingChangeSystemIT {
    private static final List<String> HOSTS = List.of("127.0.0.1", "127.0.0.2", "127.0.0.3");
    private static final List<String> SETTINGS = List.of("-Ddynamo.n=3", "-Ddynamo.r=2", "-Ddynamo.w=2",
            "-Ddynamo.q=32", "-Ddynamo.handoff.interval.ms=500", "-Ddynamo.probe.interval.ms=500",
            "-Ddynamo.request.timeout.ms=1000");
    private static final int WRITERS = 2;
    private static final long SEED = Long.getLong("dynamo.faults.seed", System.currentTimeMillis());
    private static ThreeNodes cluster;
    private static Nemesis nemesis;

    @BeforeAll
    static void start() throws Exception {
        System.out.println("RingChangeSystemIT: seed " + SEED);
        nemesis = new Nemesis();
        cluster = ThreeNodes.start("ring-changes", HOSTS, SETTINGS);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (nemesis != null) {
                nemesis.close();
            }
        } finally {
            if (cluster != null) {
                cluster.stop();
            }
        }
    }

    @Test
    void joinsALeaveAndAReplaceUnderLoadAndCutsLoseNoAcknowledgedWrite() throws Exception {
        Random random = new Random(SEED);
        MicroNode node1 = cluster.nodes.get(0);
        MicroNode node2 = cluster.nodes.get(1);
        MicroNode node3 = cluster.nodes.get(2);
        // The newcomers start together, while the load runs: their starts are most of the run.
        MicroNode node4 = cluster.startAnother("node4", "127.0.0.4");
        MicroNode node5 = cluster.startAnother("node5", "127.0.0.5");
        MicroNode node6 = cluster.startAnother("node6", "127.0.0.6");
        URI admin = node1.api().resolve("admin/");
        // A listing begun before the join and finished after it, through a node that joined: its cursor is a ring
        // position, which no change of owners moves.
        Set<String> listedBefore = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> put = Http.put(node1.api().resolve("kv/pre-join-" + i), "v", null);
            assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
        }
        String cursor = listPage(node1, null, listedBefore);
        assertThat(cursor).as("the first page is not the last").isNotNull();
        Writers load = new Writers(cluster);
        try {
            for (MicroNode n : List.of(node4, node5, node6)) {
                n.await("live", ThreeNodes.START);
            }
            JsonObject joined = Http.commit(admin, "plan", "{\"changes\":[{\"op\":\"join\",\"node\":\"node4\"},"
                    + "{\"op\":\"join\",\"node\":\"node5\"}]}", ThreeNodes.SETTLE);
            assertThat(joined.getBoolean("committed")).as(joined.toString()).isTrue();
            cutWhileChanging(random, List.of(node1, node2, node3, node4, node5));
            List<String> listed = new ArrayList<>(listedBefore);
            Set<String> page = new HashSet<>();
            while (cursor != null) {
                page.clear();
                cursor = listPage(node4, cursor, page);
                listed.addAll(page);
            }
            assertThat(listed).as("a listing across the join").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 60)
                            .mapToObj(i -> "pre-join-" + i).toList());

            JsonObject left = Http.commit(admin, "leave", "{\"node\":\"node2\"}", ThreeNodes.SETTLE);
            assertThat(left.getBoolean("committed")).as(left.toString()).isTrue();
            cutWhileChanging(random, List.of(node1, node3, node4, node5));

            node3.kill();
            // As an operator would: replace a dead node once the cluster shows it down, so that the other
            // replicas copy its partitions instead of waiting for it.
            ThreeNodes.eventually("node1 finds node3 down", () -> "DOWN".equals(reachability(node1, "node3")));
            JsonObject replaced = Http.commit(admin, "replace", "{\"node\":\"node3\",\"with\":\"node6\"}",
                    ThreeNodes.SETTLE);
            assertThat(replaced.getBoolean("committed")).as(replaced.toString()).isTrue();
            awaitSettled(List.of(node1, node4, node5, node6));

            // Every key gets a fourth replica, still under load; the nodes were all started with N=3.
            JsonObject widened = Http.commit(admin, "settings", "{\"n\":4,\"r\":2,\"w\":3}", ThreeNodes.SETTLE);
            assertThat(widened.getBoolean("committed")).as(widened.toString()).isTrue();
            awaitSettled(List.of(node1, node4, node5, node6));
        } finally {
            load.stop();
            nemesis.heal();
        }
        List<MicroNode> members = List.of(node1, node4, node5, node6);
        awaitSettled(members);
        JsonObject ring = ThreeNodes.ringOf(node1);
        assertThat(ring.getJsonArray("members").getValuesAs(JsonObject.class)).extracting(m -> m.getString("node"))
                .containsExactlyInAnyOrder("node1", "node4", "node5", "node6");
        assertThat(List.of(ring.getInt("replicas"), ring.getInt("readQuorum"), ring.getInt("writeQuorum")))
                .as("the cluster's settings").containsExactly(4, 2, 3);

        List<String> acknowledged = load.acknowledged();
        System.out.println("RingChangeSystemIT: " + acknowledged.size() + " writes acknowledged of "
                + load.attempted.get() + ", refused " + load.refused);
        assertThat(acknowledged).as("writes acknowledged through the changes").hasSizeGreaterThan(200);
        List<String> lost = new ArrayList<>();
        try (DynamoClient reader = Writers.client(cluster)) {
            for (String key : acknowledged) {
                if (!read(reader, key)) {
                    lost.add(key);
                }
            }
        }
        assertThat(lost).as("acknowledged writes a quorum read no longer finds").isEmpty();
        for (int i = 0; i < acknowledged.size(); i += Math.max(1, acknowledged.size() / 100)) {
            String key = acknowledged.get(i);
            ThreeNodes.eventually(key + " on exactly its 4 replicas", () -> onItsReplicas(node1, key));
        }
        ThreeNodes.eventually("node2, which left, holds nothing", () -> keysStored(node2, "node2") == 0);
        ThreeNodes.eventually("no hints kept for node2 or node3", () -> members.stream()
                .allMatch(n -> hintsFor(n, "node2") + hintsFor(n, "node3") == 0));
    }

    /** Adds a page of 10 keys named pre-join-* to {@code into}; returns the next cursor, null after the last. */
    private static String listPage(MicroNode node, String cursor, Set<String> into) {
        HttpResponse<String> answer = Http.get(node.api().resolve("keys?prefix=pre-join-&limit=10"
                + (cursor == null ? "" : "&cursor=" + cursor)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonObject body = Http.json(answer);
        body.getJsonArray("keys").getValuesAs(jakarta.json.JsonString.class).forEach(k -> into.add(k.getString()));
        return body.containsKey("nextCursor") && !body.isNull("nextCursor") ? body.getString("nextCursor") : null;
    }

    /** Cuts the link between two of the nodes for a few seconds while the change is handed over, then heals. */
    private static void cutWhileChanging(Random random, List<MicroNode> nodes) throws Exception {
        MicroNode a = nodes.get(random.nextInt(nodes.size()));
        MicroNode b = nodes.get(random.nextInt(nodes.size()));
        if (a != b) {
            nemesis.cut(a, b);
            System.out.println("RingChangeSystemIT: cut " + a.name + " <-> " + b.name);
            Thread.sleep(4000);
            nemesis.heal();
        }
        awaitSettled(nodes);
    }

    private static void awaitSettled(List<MicroNode> nodes) throws InterruptedException {
        long version = ThreeNodes.ringOf(nodes.get(0)).getJsonNumber("version").longValue();
        ThreeNodes.eventually("the change of ring v" + version + " is over everywhere", () -> nodes.stream()
                .map(ThreeNodes::ringOf).allMatch(r -> r.getJsonNumber("version").longValue() >= version
                        && (!r.containsKey("change") || r.isNull("change"))));
    }

    private static boolean read(DynamoClient reader, String key) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Versions versions = reader.get(key);
                // A put the client sent again after a timeout may be stored twice, as two siblings of the same
                // value: a duplicate, not a loss. Any other value would be one.
                return !versions.siblings().isEmpty()
                        && versions.siblings().stream().allMatch(v -> v.asString().equals(key));
            } catch (DynamoClientException e) {
                // 503: try again
            }
        }
        return false;
    }

    private static boolean onItsReplicas(MicroNode via, String key) {
        JsonObject versions = Http.json(Http.get(via.api().resolve("admin/keys/" + key + "/versions")));
        List<JsonObject> replicas = versions.getJsonArray("replicas").getValuesAs(JsonObject.class);
        return replicas.size() == 4 && replicas.stream().allMatch(r -> !r.containsKey("error")
                && "EQUAL".equals(r.getString("relation", "")) && !r.getJsonArray("siblings").isEmpty());
    }

    private static long keysStored(MicroNode via, String node) {
        return Http.json(Http.get(via.api().resolve("admin/nodes"))).getJsonArray("nodes").stream()
                .map(JsonValue::asJsonObject).filter(n -> n.getString("node").equals(node))
                .mapToLong(n -> n.getJsonNumber("keysStored").longValue()).findFirst().orElse(-1);
    }

    private static String reachability(MicroNode via, String node) {
        return Http.json(Http.get(via.api().resolve("admin/nodes"))).getJsonArray("nodes").stream()
                .map(JsonValue::asJsonObject).filter(n -> n.getString("node").equals(node))
                .map(n -> n.getJsonObject("health").getString("reachability")).findFirst().orElse("");
    }

    private static long hintsFor(MicroNode holder, String target) {
        JsonObject hints = Http.json(Http.get(holder.api().resolve("admin/hints")));
        return hints.getJsonArray("queues").stream().map(JsonValue::asJsonObject)
                .filter(q -> q.getString("target").equals(target))
                .mapToLong(q -> q.getJsonNumber("count").longValue()).sum();
    }

    /** Clients writing new keys (each key's value is its name) with the default W; remembers what was acknowledged. */
    private static final class Writers {
        final AtomicLong attempted = new AtomicLong();
        final Map<String, AtomicLong> refused = new TreeMap<>();
        private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        Writers(ThreeNodes cluster) {
            for (int w = 0; w < WRITERS; w++) {
                int id = w;
                Thread t = new Thread(() -> write(cluster, id), "writer-" + w);
                t.start();
                threads.add(t);
            }
        }

        private void write(ThreeNodes cluster, int id) {
            try (DynamoClient dynamo = client(cluster)) {
                for (int i = 0; running.get() && i < 100_000; i++) {
                    String key = "ring-" + id + "-" + i;
                    attempted.incrementAndGet();
                    try {
                        dynamo.put(key, null, key.getBytes(StandardCharsets.UTF_8), "text/plain");
                        acknowledged.add(key);
                    } catch (DynamoClientException e) {
                        synchronized (refused) {
                            refused.computeIfAbsent(String.valueOf(e.status()), s -> new AtomicLong())
                                    .incrementAndGet();
                        }
                    }
                }
            }
        }

        static DynamoClient client(ThreeNodes cluster) {
            DynamoClient.Builder builder = DynamoClient.builder().readTimeout(Duration.ofSeconds(5))
                    .connectTimeout(Duration.ofSeconds(1))
                    .credentials("client", MicroNode.CLIENT_PASSWORD);
            cluster.nodes.subList(0, 3).forEach(n -> builder.seed(n.api()));
            return builder.build();
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(60_000);
            }
        }

        List<String> acknowledged() {
            return new ArrayList<>(acknowledged);
        }
    }
}
