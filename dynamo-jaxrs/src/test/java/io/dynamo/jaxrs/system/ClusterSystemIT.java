package io.dynamo.jaxrs.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.jaxrs.client.DynamoClient;
import io.dynamo.jaxrs.client.ReadOptions;
import io.dynamo.jaxrs.client.RouteEvent;
import io.dynamo.jaxrs.client.Sibling;
import io.dynamo.jaxrs.client.Versions;
import io.dynamo.jaxrs.client.WriteOptions;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three Payara Micro processes started from the built WAR, joined into one ring through the admin API, then hurt
 * as in production: a node is killed with SIGKILL while writes go on and comes back; a node loses its data
 * directory and anti-entropy restores it. Everything is checked through the REST and admin APIs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSystemIT {
    private static final Duration START = Duration.ofMinutes(4);
    private static final Duration SETTLE = Duration.ofMinutes(2);
    private static final int KEYS = 60;
    private static final List<MicroNode> NODES = new ArrayList<>();
    private static String seeds;

    @BeforeAll
    static void startCluster() throws Exception {
        Path work = Path.of("target", "system-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss"))).toAbsolutePath();
        Files.createDirectories(work);
        List<Integer> ports = freePorts(6);
        seeds = String.join(",", ports.subList(3, 6).stream().map(p -> "127.0.0.1[" + p + "]").toList());
        // Encrypted, as the local cluster runs: a secret in a file only the owner reads, passed by path.
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Path secret = Files.writeString(work.resolve("cluster.secret"), Base64.getEncoder().encodeToString(random));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        // Small Q and short intervals so anti-entropy covers every partition within seconds.
        List<String> settings = List.of("-Ddynamo.n=3", "-Ddynamo.r=2", "-Ddynamo.w=2", "-Ddynamo.q=32",
                "-Ddynamo.antientropy.interval.ms=100", "-Ddynamo.handoff.interval.ms=500",
                "-Ddynamo.probe.interval.ms=500", "-Ddynamo.request.timeout.ms=1000",
                "-Ddynamo.cluster.secret.file=" + secret);
        for (int i = 0; i < 3; i++) {
            NODES.add(new MicroNode("node" + (i + 1), ports.get(i), ports.get(3 + i), work, settings));
        }
        // One after another: three Payara starts at once on two cores take longer than in sequence.
        for (MicroNode node : NODES) {
            node.start(node == NODES.get(0), seeds);
            node.await("live", START);
        }
        NODES.get(0).await("ready", START);
        join("node2");
        join("node3");
        for (MicroNode node : NODES) {
            node.await("ready", SETTLE);
        }
        eventually("every node has the three-node ring", () -> NODES.stream()
                .allMatch(n -> ringOf(n).getJsonArray("members").size() == 3));
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (MicroNode node : NODES) {
            node.stop();
        }
    }

    @Test
    @Order(1)
    void writesThroughAnyNodeAreReadThroughAnyOther() throws InterruptedException {
        for (int i = 0; i < KEYS; i++) {
            HttpResponse<String> put = Http.put(kv(NODES.get(i % 3), "key-" + i, "w=2"), "value-" + i, null);
            assertThat(put.statusCode()).as("put key-%d: %s", i, put.body()).isEqualTo(204);
        }
        for (int i = 0; i < KEYS; i++) {
            HttpResponse<String> get = Http.get(kv(NODES.get((i + 1) % 3), "key-" + i, "r=2"));
            assertThat(get.statusCode()).as("get key-%d", i).isEqualTo(200);
            assertThat(get.body()).isEqualTo("value-" + i);
        }
        // N=3 of three nodes: each stores every key, and each learns the others' counts by gossip.
        eventually("node-1 sees every node's key count", () -> Http.json(Http.get(NODES.get(0).api()
                .resolve("admin/nodes"))).getJsonArray("nodes").stream().map(JsonValue::asJsonObject)
                .allMatch(n -> n.containsKey("keysStored") && n.getJsonNumber("keysStored").longValue() >= KEYS));
    }

    @Test
    @Order(2)
    void aKilledNodeMissesNoWriteOnceItReturns() throws Exception {
        MicroNode victim = NODES.get(2);
        victim.kill();
        for (int i = 0; i < KEYS; i++) {
            HttpResponse<String> put = Http.put(kv(NODES.get(i % 2), "during-" + i, "w=2"), "v" + i, null);
            assertThat(put.statusCode()).as("W=2 with one node of three down: %s", put.body()).isEqualTo(204);
        }
        // A copy for the dead node is kept as a hint once its request fails (a timeout, or at once after JGroups
        // drops it from the view), so the hints appear shortly after the writes were acknowledged.
        eventually("the writes it missed are held as hints", () -> NODES.subList(0, 2).stream()
                .mapToLong(n -> hintsFor(n, victim.name)).sum() >= KEYS);

        victim.start(false, seeds);
        victim.await("ready", START);
        eventually("the hint queues for " + victim.name + " drain to zero",
                () -> NODES.subList(0, 2).stream().allMatch(n -> hintsFor(n, victim.name) == 0));
        eventually("every replica of every key matches", () -> allReplicasEqual("during-")
                && allReplicasEqual("key-"));
    }

    @Test
    @Order(3)
    void aNodeWhoseDataWasWipedIsRestoredByAntiEntropy() throws Exception {
        MicroNode victim = NODES.get(1);
        long sentBefore = keysSentByOthers();
        victim.kill();
        try (Stream<Path> files = Files.walk(victim.dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(victim.dataDir).doesNotExist();
        victim.start(false, seeds);
        victim.await("ready", START);
        eventually("anti-entropy restores every key on " + victim.name,
                () -> allReplicasEqual("key-") && allReplicasEqual("during-"));
        // Nothing else restores it: it missed no write while down (no hints) and the check above reads the copies
        // without repairing them. The victim merges what it asks for; the others send what it lacks.
        long restored = antiEntropy(victim, "keysRepaired") + keysSentByOthers() - sentBefore;
        assertThat(restored).as("keys anti-entropy brought back to %s", victim.name).isGreaterThanOrEqualTo(2L * KEYS);
    }

    @Test
    @Order(4)
    void theJavaClientGoesStraightToEachKeysCoordinatorAndResolvesSiblings() {
        List<RouteEvent> events = new CopyOnWriteArrayList<>();
        DynamoClient.Builder builder = DynamoClient.builder().listener(events::add);
        NODES.forEach(n -> builder.seed(n.api()));
        try (DynamoClient dynamo = builder.build()) {
            dynamo.refreshRing();
            assertThat(dynamo.ringVersion()).isPresent();
            for (int i = 0; i < 20; i++) {
                String key = "routed-" + i;
                dynamo.put(key, null, ("r" + i).getBytes(StandardCharsets.UTF_8), "text/plain",
                        WriteOptions.quorum(2));
                RouteEvent last = events.get(events.size() - 1);
                JsonObject placement = Http.json(Http.get(NODES.get(0).api().resolve("admin/ring/key/" + key)));
                String coordinator = placement.getJsonArray("replicas").getJsonObject(0).getString("node");
                assertThat(last.nodeId()).as("%s goes to its coordinator", key).isEqualTo(coordinator);
                assertThat(last.coordinator()).isTrue();
                assertThat(dynamo.get(key).value().orElseThrow().asString()).isEqualTo("r" + i);
            }

            dynamo.put("siblings", null, "a".getBytes(StandardCharsets.UTF_8), "text/plain");
            dynamo.put("siblings", null, "b".getBytes(StandardCharsets.UTF_8), "text/plain");
            assertThat(dynamo.get("siblings").siblings()).hasSize(2);
            dynamo.resolve("siblings", siblings -> Sibling.text(siblings.stream().map(Sibling::asString).sorted()
                    .reduce("", String::concat)));
            Versions resolved = dynamo.get("siblings", ReadOptions.quorum(3));
            assertThat(resolved.siblings()).hasSize(1);
            assertThat(resolved.value().orElseThrow().asString()).isEqualTo("ab");
        }
    }

    /** Last, because it changes the ring: a node that was never started joins it. */
    @Test
    @Order(5)
    void theJavaClientRefreshesAStaleRingAsSoonAsANodeAnnouncesANewerOne() throws Exception {
        List<RouteEvent> events = new CopyOnWriteArrayList<>();
        // An hour between periodic refreshes: only the announced ring version can make the client fetch again.
        DynamoClient.Builder builder = DynamoClient.builder().refreshInterval(Duration.ofHours(1)).listener(events::add);
        NODES.forEach(n -> builder.seed(n.api()));
        try (DynamoClient dynamo = builder.build()) {
            dynamo.refreshRing();
            long before = dynamo.ringVersion().orElseThrow();

            join("node-4");
            long after = before + 1;
            eventually("every node has ring v" + after, () -> NODES.stream()
                    .allMatch(n -> ringOf(n).getJsonNumber("version").longValue() == after));

            dynamo.put("stale-ring", null, "1".getBytes(StandardCharsets.UTF_8), "text/plain");
            assertThat(dynamo.ringVersion()).as("the answer only announces the newer ring").hasValue(before);
            int seen = events.size();
            assertThat(dynamo.get("stale-ring").value().orElseThrow().asString()).isEqualTo("1");

            assertThat(dynamo.ringVersion()).hasValue(after);
            List<RouteEvent> next = events.subList(seen, events.size());
            assertThat(next.get(0).path()).as("the next request fetched the ring first").isEqualTo("admin/ring");
            assertThat(next).filteredOn(e -> "stale-ring".equals(e.key()))
                    .allSatisfy(e -> assertThat(e.ringVersion()).isEqualTo(after));
        }
    }

    private static long keysSentByOthers() {
        return antiEntropy(NODES.get(0), "keysSent") + antiEntropy(NODES.get(2), "keysSent");
    }

    private static long antiEntropy(MicroNode node, String total) {
        return Http.json(Http.get(node.api().resolve("admin/anti-entropy"))).getJsonNumber(total).longValue();
    }

    private static boolean allReplicasEqual(String prefix) {
        for (int i = 0; i < KEYS; i++) {
            JsonObject versions = Http.json(Http.get(NODES.get(0).api().resolve("admin/keys/" + prefix + i
                    + "/versions")));
            for (JsonValue replica : versions.getJsonArray("replicas")) {
                JsonObject r = replica.asJsonObject();
                if (r.containsKey("error") || !"EQUAL".equals(r.getString("relation", ""))
                        || r.getJsonArray("siblings").isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static long hintsFor(MicroNode holder, String target) {
        JsonObject hints = Http.json(Http.get(holder.api().resolve("admin/hints")));
        return hints.getJsonArray("queues").stream().map(JsonValue::asJsonObject)
                .filter(q -> q.getString("target").equals(target))
                .mapToLong(q -> q.getJsonNumber("count").longValue()).sum();
    }

    private static void join(String name) {
        URI admin = NODES.get(0).api().resolve("admin/");
        JsonObject plan = Http.json(Http.postJson(admin.resolve("join"), "{\"node\":\"" + name + "\",\"weight\":1}"));
        assertThat(plan.getBoolean("committed")).isFalse();
        JsonObject done = Http.json(Http.postJson(admin.resolve("join/commit"), "{\"node\":\"" + name
                + "\",\"weight\":1,\"ringVersion\":" + plan.getJsonNumber("fromVersion").longValue() + "}"));
        assertThat(done.getBoolean("committed")).isTrue();
    }

    private static JsonObject ringOf(MicroNode node) {
        return Http.json(Http.get(node.api().resolve("admin/ring")));
    }

    private static URI kv(MicroNode node, String key, String query) {
        return node.api().resolve("kv/" + key + "?" + query);
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException | AssertionError notYet) {
                // a node still starting answers errors: try again
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not within " + SETTLE + ": " + what);
    }

    /** Free loopback ports; the JGroups ones also keep port + 100 free, where FD_SOCK2 listens. */
    private static List<Integer> freePorts(int count) throws IOException {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < count) {
            int p;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                p = s.getLocalPort();
            }
            if (p + 100 < 65536 && !ports.contains(p) && free(p + 100)) {
                ports.add(p);
            }
        }
        return ports;
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
