package io.dynamo.jaxrs.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.client.BatchResult;
import io.dynamo.client.BatchWrite;
import io.dynamo.client.DynamoClient;
import io.dynamo.client.DynamoClientException;
import io.dynamo.client.NamespaceClient;
import io.dynamo.client.ReadOptions;
import io.dynamo.client.RouteEvent;
import io.dynamo.client.Sibling;
import io.dynamo.client.Versions;
import io.dynamo.client.WriteOptions;
import io.dynamo.client.restore.NodeRestore;
import io.dynamo.jaxrs.MetricsText;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
 * directory and anti-entropy restores it; then every node is backed up, one node is restored from its backup, and
 * at last the whole cluster. Everything is checked through the REST and admin APIs. Node2 also runs the example
 * application (dynamo-example), which uses the cluster through its injected client.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSystemIT {
    private static final int KEYS = 60;
    private static final int NODE2_MAX_IN_FLIGHT = 8;
    private static final String CLIENT_PASSWORD = "system-test-client-password";
    private static final List<MicroNode> NODES = new ArrayList<>();
    private static String seeds;
    private static ThreeNodes cluster;
    private static final Map<String, Path> BACKUPS = new HashMap<>();

    @BeforeAll
    static void startCluster() throws Exception {
        // Small Q and short intervals so anti-entropy covers every partition within seconds.
        List<String> settings = List.of("-Ddynamo.n=3", "-Ddynamo.r=2", "-Ddynamo.w=2", "-Ddynamo.q=32",
                "-Ddynamo.antientropy.interval.ms=100", "-Ddynamo.handoff.interval.ms=500",
                "-Ddynamo.probe.interval.ms=500", "-Ddynamo.request.timeout.ms=1000",
                // Clients need credentials here, so the client's own credentials are tested on real nodes too.
                "-Ddynamo.security.client.required=true", "-Ddynamo.security.client.password=" + CLIENT_PASSWORD);
        // node2 takes at most 8 key-value requests at once, so that the overload test can fill it, and holds no
        // hint (a cap of one byte), so that its refusals show in its metrics.
        // node2 also runs the example application (dynamo-example), its client pointed at node2 itself through a
        // MicroProfile Config expression, as an operator would override the WAR's settings.
        cluster = ThreeNodes.start("system", List.of("127.0.0.1", "127.0.0.1", "127.0.0.1"), settings,
                List.of(List.of(), List.of("-Ddynamo.max.inflight=" + NODE2_MAX_IN_FLIGHT,
                        "-Ddynamo.hints.max.bytes.per.target=1",
                        "-Ddynamo.client.seeds=http://${dynamo.http.address}/dynamo/api/v1/",
                        "-Ddynamo.client.user=client", "-Ddynamo.client.password=" + CLIENT_PASSWORD), List.of()),
                1, exampleWar());
        NODES.addAll(cluster.nodes);
        seeds = cluster.seeds;
    }

    private static Path exampleWar() {
        Path war = Path.of(System.getProperty("dynamo.it.example.war"));
        assertThat(war).as("the example application's WAR: build it with ./mvnw -pl dynamo-example -am package")
                .isRegularFile();
        return war;
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        if (cluster != null) {
            cluster.stop();
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
        assertThat(Http.status(kv(NODES.get(0), "key-0", "r=2"))).as("no credentials, no data").isEqualTo(401);
        // N=3 of three nodes: each stores every key, and each learns the others' counts by gossip.
        ThreeNodes.eventually("node-1 sees every node's key count", () -> Http.json(Http.get(NODES.get(0).api()
                .resolve("admin/nodes"))).getJsonArray("nodes").stream().map(JsonValue::asJsonObject)
                .allMatch(n -> n.containsKey("keysStored") && n.getJsonNumber("keysStored").longValue() >= KEYS));
        // Every request above was answered asynchronously: the servlet container's per-request warnings about it
        // are expected and kept out of the log (config/payara-preboot.txt), where they would drown real warnings.
        for (MicroNode node : NODES) {
            assertThat(weldRequestWarnings(node)).as("Weld request warnings in %s", node.log()).isZero();
        }
    }

    private static long weldRequestWarnings(MicroNode node) {
        try (Stream<String> lines = Files.lines(node.log(), StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains("WELD-000714") || l.contains("WELD-000715")
                    || l.contains("WELD-000225")).count();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + node.log(), e);
        }
    }

    /**
     * If-Match puts racing on real nodes. Through the key's coordinator (two Java clients, which both route there),
     * one wins and the other is refused every time. Through two nodes, each coordinating (N=3 of three nodes), both
     * may pass; whatever the interleaving, the key then holds exactly the values that were acknowledged.
     */
    @Test
    @Order(1)
    void ifMatchPutsRacingThroughOneCoordinatorOneWinsAndThroughTwoNoAcknowledgedWriteIsLost() throws Exception {
        awaitSettledRing();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (DynamoClient alice = client(); DynamoClient bob = client()) {
            for (int round = 0; round < 10; round++) {
                String key = "if-match-" + round;
                alice.put(key, null, bytes("base"), "text/plain", WriteOptions.quorum(3));
                String etag = alice.get(key).etag();
                assertThat(bob.get(key).etag()).isEqualTo(etag);
                CompletableFuture<String> a = alice.putAsync(key, null, bytes("alice"), "text/plain",
                        WriteOptions.defaults().ifMatch(etag)).toCompletableFuture();
                CompletableFuture<String> b = bob.putAsync(key, null, bytes("bob"), "text/plain",
                        WriteOptions.defaults().ifMatch(etag)).toCompletableFuture();
                List<Throwable> outcomes = Stream.of(a, b).map(f -> f.handle((ok, failure) -> failure).join())
                        .toList();
                assertThat(outcomes).as("round %d", round).filteredOn(Objects::isNull).hasSize(1);
                assertThat(outcomes).filteredOn(Objects::nonNull).singleElement()
                        .isInstanceOfSatisfying(DynamoClientException.class,
                                e -> assertThat(e.preconditionFailed()).isTrue());
                assertThat(alice.get(key, ReadOptions.quorum(3)).siblings()).extracting(Sibling::asString)
                        .containsExactly(a.isCompletedExceptionally() ? "bob" : "alice");
            }

            int bothPassed = 0;
            for (int round = 0; round < 10; round++) {
                String key = "if-match-2-" + round;
                alice.put(key, null, bytes("base"), "text/plain", WriteOptions.quorum(3));
                HttpResponse<String> read = Http.get(kv(NODES.get(2), key, "r=2"));
                String etag = read.headers().firstValue("ETag").orElseThrow();
                List<String> values = List.of("via-node1", "via-node2");
                List<CompletableFuture<HttpResponse<String>>> puts = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    URI target = kv(NODES.get(i), key, "w=2");
                    String value = values.get(i);
                    puts.add(CompletableFuture.supplyAsync(() -> Http.send(HttpRequest.newBuilder(target)
                            .header("Content-Type", "text/plain").header("If-Match", etag)
                            .PUT(HttpRequest.BodyPublishers.ofString(value))), threads));
                }
                List<String> acknowledged = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    int status = puts.get(i).join().statusCode();
                    assertThat(status).as("round %d via node%d", round, i + 1).isIn(204, 412);
                    if (status == 204) {
                        acknowledged.add(values.get(i));
                    }
                }
                assertThat(acknowledged).as("round %d: at least one passes its check", round).isNotEmpty();
                bothPassed += acknowledged.size() == 2 ? 1 : 0;
                assertThat(alice.get(key, ReadOptions.quorum(3)).siblings()).extracting(Sibling::asString)
                        .as("round %d: the acknowledged writes, all of them and nothing else", round)
                        .containsExactlyInAnyOrderElementsOf(acknowledged);
            }
            System.out.println("If-Match puts racing through two nodes: both acknowledged in " + bothPassed
                    + " of 10 rounds");
        } finally {
            threads.shutdownNow();
        }
    }

    /** W=3 and R=3 need every replica of the ring, not those of a join still moving data. */
    private static void awaitSettledRing() throws InterruptedException {
        ThreeNodes.eventually("no ring change under way", () -> NODES.stream()
                .map(n -> Http.json(Http.get(n.api().resolve("admin/ring"))))
                .allMatch(r -> !r.containsKey("change") || r.isNull("change")));
    }

    private static DynamoClient client() {
        DynamoClient.Builder builder = DynamoClient.builder().credentials("client", CLIENT_PASSWORD);
        NODES.forEach(n -> builder.seed(n.api()));
        return builder.build();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @Order(2)
    void aKilledNodeMissesNoWriteOnceItReturns() throws Exception {
        MicroNode victim = NODES.get(2);
        // Values on all three replicas that expire while one is down: once it is back, nothing may serve them.
        awaitSettledRing();
        ExpiringKeys expiring;
        try (DynamoClient dynamo = client()) {
            expiring = ExpiringKeys.put(dynamo, "expiring-", Duration.ofSeconds(3));
        }
        victim.kill();
        for (int i = 0; i < KEYS; i++) {
            HttpResponse<String> put = Http.put(kv(NODES.get(i % 2), "during-" + i, "w=2"), "v" + i, null);
            assertThat(put.statusCode()).as("W=2 with one node of three down: %s", put.body()).isEqualTo(204);
        }
        // A copy for the dead node is kept as a hint by the write's coordinator once its request fails (a timeout,
        // or at once after JGroups drops it from the view), so the hints appear shortly after the writes were
        // acknowledged: node1 holds those it coordinated, node2 refuses its own at its cap (anti-entropy repairs
        // those copies once the victim returns).
        ThreeNodes.eventually("the writes node1 coordinated are held as hints",
                () -> hintsFor(NODES.get(0), victim.name) >= KEYS / 2);
        ThreeNodes.eventually("node2 counts the hints it refused at its cap",
                () -> metric(NODES.get(1), "dynamo_hints_refused") >= KEYS / 2);
        String metrics = metrics(NODES.get(0));
        String peer2 = "peer=\"" + NODES.get(1).name + "\"";
        assertThat(MetricsText.value(metrics, "dynamo_peer_latency_millis_count", peer2))
                .as("node1's calls to node2 answered").isPositive()
                .isEqualTo(MetricsText.value(metrics, "dynamo_peer_latency_millis_bucket", peer2, "le=\"+Inf\""));
        assertThat(MetricsText.value(metrics, "dynamo_peer_missed", "peer=\"" + victim.name + "\""))
                .as("node1's calls to the killed node").isPositive();
        // A read that needs all three copies is refused: counted by error code, logged in one line without a trace.
        HttpResponse<String> refused = Http.get(kv(NODES.get(0), "during-0", "r=3"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.body()).contains("\"error\":\"insufficient_replicas\"");
        assertThat(refused.headers().firstValue("Retry-After")).as("every 503 of the API").hasValue("1");
        assertThat(refusedCount(NODES.get(0), "insufficient_replicas")).isPositive();
        assertThat(Files.readString(NODES.get(0).log())).contains("refused a request with 503 insufficient_replicas")
                .doesNotContain("InsufficientReplicasException");
        // A batch reports each key apart: R=2 of the two live replicas finds what was written, R=3 fails per key.
        assertThat(batchStatuses(NODES.get(0), "r=2", "during-0", "key-0", "never-written"))
                .containsExactly(200, 200, 404);
        List<JsonObject> allRefused = batch(NODES.get(0), "kv/_mget?r=3", "during-0", "never-written");
        assertThat(allRefused).allSatisfy(r -> {
            assertThat(r.getInt("status")).isEqualTo(503);
            assertThat(r.getJsonObject("error").getString("error")).isEqualTo("insufficient_replicas");
        });

        expiring.awaitExpiry();
        expiring.assertThroughEachNode(NODES.subList(0, 2), 2);

        // While it starts, nothing may answer for the API but the API: no bare 404 a client could take for "no key".
        StartWatch watch = StartWatch.start(victim);
        victim.start(false, seeds);
        victim.await("ready", ThreeNodes.START);
        assertThat(watch.stop()).as("answers without the API's JSON error while %s started", victim.name).isEmpty();
        // Back with its copies of the expired values, read before anti-entropy reached them, then after it did.
        expiring.assertThroughEachNode(List.of(victim), 1);
        expiring.assertEachReplicasCopy(NODES);
        ThreeNodes.eventually("the hint queues for " + victim.name + " drain to zero",
                () -> NODES.subList(0, 2).stream().allMatch(n -> hintsFor(n, victim.name) == 0));
        ThreeNodes.eventually("every replica of every key matches", () -> allReplicasEqual("during-")
                && allReplicasEqual("key-"));
        List<Integer> partitions = expiring.partitions(victim);
        ThreeNodes.eventually(victim.name + " ran anti-entropy on the expired keys' partitions since its return",
                () -> Http.json(Http.get(victim.api().resolve("admin/anti-entropy"))).getJsonArray("partitions")
                        .stream().map(JsonValue::asJsonObject).filter(p -> p.getJsonNumber("exchanges").longValue() > 0)
                        .map(p -> p.getInt("partition")).toList().containsAll(partitions));
        for (int r = 1; r <= 3; r++) {
            expiring.assertThroughEachNode(NODES, r);
        }
        expiring.assertEachReplicasCopy(NODES);
    }

    @Test
    @Order(3)
    void aNodeWhoseDataWasWipedIsRestoredByAntiEntropy() throws Exception {
        MicroNode victim = NODES.get(1);
        long sentBefore = keysSentByOthers();
        victim.kill();
        wipe(victim);
        victim.start(false, seeds);
        victim.await("ready", ThreeNodes.START);
        ThreeNodes.eventually("anti-entropy restores every key on " + victim.name,
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
        DynamoClient.Builder builder = DynamoClient.builder().credentials("client", CLIENT_PASSWORD)
                .listener(events::add);
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

    /**
     * Listing on real nodes: with node3 paused (SIGSTOP) and keys written between pages, pages of 7 through node1
     * list every key written before (and not deleted) exactly once; node3 is resumed and the Java client's lazy
     * stream then lists them all, the keys written meanwhile included.
     */
    @Test
    @Order(4)
    void listingPagesCoverEveryKeyOnceWhileANodeIsPausedAndKeysAreWritten() throws Exception {
        Set<String> expected = new HashSet<>();
        try (DynamoClient dynamo = client()) {
            for (int i = 0; i < 50; i++) {
                String context = dynamo.put("list-" + i, null, bytes("v" + i), "text/plain", WriteOptions.quorum(3));
                if (i % 10 == 3) {
                    dynamo.delete("list-" + i, context, WriteOptions.quorum(3));
                } else {
                    expected.add("list-" + i);
                }
            }
        }
        MicroNode paused = NODES.get(2);
        paused.pause();
        List<String> listed = new ArrayList<>();
        Set<String> late = new HashSet<>();
        try {
            String cursor = null;
            int pages = 0;
            do {
                URI page = NODES.get(0).api().resolve("keys?prefix=list-&limit=7"
                        + (cursor == null ? "" : "&cursor=" + cursor));
                HttpResponse<String> answer = Http.get(page);
                assertThat(answer.statusCode()).as("page %d: %s", pages, answer.body()).isEqualTo(200);
                JsonObject body = Http.json(answer);
                List<String> keys = body.getJsonArray("keys").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList();
                assertThat(keys).hasSizeLessThanOrEqualTo(7);
                listed.addAll(keys);
                cursor = body.containsKey("nextCursor") && !body.isNull("nextCursor")
                        ? body.getString("nextCursor") : null;
                String key = "list-late-" + pages;
                HttpResponse<String> put = Http.put(kv(NODES.get(1), key, "w=2"), "late", null);
                assertThat(put.statusCode()).as("W=2 with node3 paused: %s", put.body()).isEqualTo(204);
                late.add(key);
                assertThat(++pages).isLessThan(200);
            } while (cursor != null);
        } finally {
            paused.resume();
        }
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed.stream().filter(k -> !k.startsWith("list-late-")).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
        ThreeNodes.eventually(paused.name + " answers again", 
                () -> Http.get(kv(paused, "list-0", "r=3")).statusCode() == 200);
        Set<String> all = new HashSet<>(expected);
        all.addAll(late);
        try (DynamoClient dynamo = client()) {
            List<String> streamed = dynamo.keys("list-", 7).toList();
            assertThat(streamed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
            assertThat(dynamo.keys("list-1", 3).toList()).containsExactlyInAnyOrderElementsOf(
                    all.stream().filter(k -> k.startsWith("list-1")).toList());
        }
    }

    /**
     * Last, because it changes the ring: node3 may not leave (two nodes would be left for N=3), so it is killed and
     * removed as a dead node; the client then learns the new ring from the version the answers announce.
     */
    @Test
    @Order(5)
    void aNodePastItsBoundOnRequestsInFlightRefusesAtOnceWithRetryAfter() throws Exception {
        MicroNode node2 = NODES.get(1);
        // Its two replicas paused: every write node2 takes waits for them until it times out (about 2 s).
        NODES.get(0).pause();
        NODES.get(2).pause();
        ExecutorService clients = Executors.newFixedThreadPool(40);
        try {
            List<CompletableFuture<Timed>> puts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                URI uri = kv(node2, "overload-" + i, "w=2");
                puts.add(CompletableFuture.supplyAsync(() -> Timed.of(() -> Http.put(uri, "v", null)), clients));
            }
            List<Timed> answers = puts.stream().map(CompletableFuture::join).toList();
            List<Timed> overloaded = answers.stream().filter(t -> t.response().statusCode() == 503
                    && t.response().body().contains("\"error\":\"overloaded\"")).toList();
            System.out.printf("overload: %d of 40 refused at once (slowest %d ms), %d taken (slowest %d ms)%n",
                    overloaded.size(), overloaded.stream().mapToLong(Timed::millis).max().orElse(0),
                    40 - overloaded.size(), answers.stream().filter(t -> !overloaded.contains(t))
                            .mapToLong(Timed::millis).max().orElse(0));
            assertThat(overloaded).as("refused beyond the %d node2 takes", NODE2_MAX_IN_FLIGHT)
                    .hasSizeGreaterThanOrEqualTo(40 - 2 * NODE2_MAX_IN_FLIGHT);
            assertThat(overloaded).allSatisfy(t -> {
                assertThat(t.response().headers().firstValue("Retry-After")).hasValue("1");
                assertThat(t.response().body()).contains("dynamo.max.inflight");
                assertThat(t.millis()).as("refused at once").isLessThan(1000);
            });
            assertThat(answers).as("the requests it took waited for the paused replicas, and only they")
                    .filteredOn(t -> !overloaded.contains(t)).isNotEmpty()
                    .allSatisfy(t -> assertThat(t.response().statusCode()).isEqualTo(503));
        } finally {
            clients.shutdownNow();
            NODES.get(0).resume();
            NODES.get(2).resume();
        }
        assertThat(refusedCount(node2, "overloaded")).isGreaterThanOrEqualTo(40 - 2 * NODE2_MAX_IN_FLIGHT);
        // A new key each time: a write refused for want of replicas still leaves its version on node2.
        AtomicInteger attempt = new AtomicInteger();
        ThreeNodes.eventually("node2 takes writes again", () -> Http.put(kv(node2, "after-overload-"
                + attempt.incrementAndGet(), "w=3"), "v", null).statusCode() == 204);
    }

    /** Sends a GET and a PUT to a node every 50 ms from another thread; keeps every answer not from the API. */
    private static final class StartWatch {
        private final List<String> bare = new CopyOnWriteArrayList<>();
        private final AtomicInteger refused = new AtomicInteger();
        private final AtomicInteger answered = new AtomicInteger();
        private volatile boolean watching = true;
        private Thread thread;

        static StartWatch start(MicroNode node) {
            StartWatch watch = new StartWatch();
            watch.thread = new Thread(() -> {
                for (int i = 0; watch.watching; i++) {
                    try {
                        HttpResponse<String> answer = i % 2 == 0 ? Http.get(kv(node, "during-0", "r=1"))
                                : Http.put(kv(node, "start-probe-" + i, "w=1"), "p", null);
                        watch.answered.incrementAndGet();
                        if (answer.statusCode() >= 300 && !answer.body().startsWith("{\"error\":")) {
                            watch.bare.add(answer.request().method() + " " + answer.statusCode() + " "
                                    + answer.body().substring(0, Math.min(80, answer.body().length())));
                        }
                    } catch (RuntimeException notListening) {
                        watch.refused.incrementAndGet();
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "start-watch");
            watch.thread.start();
            return watch;
        }

        List<String> stop() throws InterruptedException {
            watching = false;
            thread.join();
            System.out.printf("restart: %d requests not accepted, %d answered by the API%n", refused.get(),
                    answered.get());
            return bare;
        }
    }

    /** An answer and how long it took. */
    private record Timed(HttpResponse<String> response, long millis) {
        static Timed of(java.util.function.Supplier<HttpResponse<String>> call) {
            long start = System.nanoTime();
            HttpResponse<String> response = call.get();
            return new Timed(response, (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Test
    @Order(6)
    void twoCommitsAtOnceThroughTwoNodesOneWinsAndTheOtherIs409NamingTheNewerRing() throws Exception {
        long before = ThreeNodes.ringOf(NODES.get(0)).getJsonNumber("version").longValue();
        List<CompletableFuture<HttpResponse<String>>> commits = new ArrayList<>();
        String[] settings = {"{\"n\":3,\"r\":1,\"w\":3", "{\"n\":3,\"r\":3,\"w\":1"};
        for (int i = 0; i < 2; i++) {
            URI commit = NODES.get(i).api().resolve("admin/settings/commit");
            String body = settings[i] + ",\"ringVersion\":" + before + "}";
            commits.add(CompletableFuture.supplyAsync(() -> Http.postJson(commit, body)));
        }
        List<HttpResponse<String>> answers = commits.stream().map(CompletableFuture::join).toList();
        assertThat(answers).as("exactly one commit wins").filteredOn(a -> a.statusCode() == 200).hasSize(1);
        HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() != 200).findFirst().orElseThrow();
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("\"error\":\"stale_plan\"").contains("ring v" + (before + 1));
        int winner = answers.get(0).statusCode() == 200 ? 0 : 1;
        ThreeNodes.eventually("every node has the winner's settings", () -> NODES.stream().map(ThreeNodes::ringOf)
                .allMatch(r -> r.getJsonNumber("version").longValue() == before + 1
                        && r.getInt("readQuorum") == (winner == 0 ? 1 : 3)
                        && (!r.containsKey("change") || r.isNull("change"))));

        JsonObject restored = Http.commit(NODES.get(1).api().resolve("admin/"), "settings",
                "{\"n\":3,\"r\":2,\"w\":2}", ThreeNodes.SETTLE);
        assertThat(restored.getBoolean("committed")).as(restored.toString()).isTrue();
        ThreeNodes.eventually("every node back on N=3 R=2 W=2", () -> NODES.stream().map(ThreeNodes::ringOf)
                .allMatch(r -> r.getInt("readQuorum") == 2 && r.getInt("writeQuorum") == 2 && (!r.containsKey("change")
                        || r.isNull("change"))));
    }

    @Test
    @Order(9)
    void theJavaClientRefreshesAStaleRingAsSoonAsANodeAnnouncesANewerOne() throws Exception {
        List<RouteEvent> events = new CopyOnWriteArrayList<>();
        // An hour between periodic refreshes: only the announced ring version can make the client fetch again.
        DynamoClient.Builder builder = DynamoClient.builder().credentials("client", CLIENT_PASSWORD)
                .refreshInterval(Duration.ofHours(1)).listener(events::add);
        NODES.forEach(n -> builder.seed(n.api()));
        try (DynamoClient dynamo = builder.build()) {
            dynamo.refreshRing();
            long before = dynamo.ringVersion().orElseThrow();
            URI admin = NODES.get(0).api().resolve("admin/");

            HttpResponse<String> leave = Http.postJson(admin.resolve("leave"), "{\"node\":\"node3\"}");
            assertThat(leave.statusCode()).as(leave.body()).isEqualTo(409);
            assertThat(leave.body()).contains("\"error\":\"change_refused\"")
                    .contains("would leave 2 nodes").contains("fewer than the 3 replicas");
            HttpResponse<String> removeLive = Http.postJson(admin.resolve("remove/commit"),
                    "{\"node\":\"node3\",\"ringVersion\":" + before + "}");
            assertThat(removeLive.statusCode()).as(removeLive.body()).isEqualTo(409);
            assertThat(removeLive.body()).contains("\"error\":\"change_refused\"").contains("node3 still answers");

            NODES.get(2).kill();
            // Refused (409) until the claimant finds node3 down; then committed.
            JsonObject removed = Http.change(admin, "remove", "node3", ThreeNodes.SETTLE);
            assertThat(removed.getBoolean("committed")).as(removed.toString()).isTrue();
            long after = before + 1;
            List<MicroNode> alive = NODES.subList(0, 2);
            ThreeNodes.eventually("every live node has ring v" + after + " and no change under way", () -> alive
                    .stream().map(ThreeNodes::ringOf).allMatch(r -> r.getJsonNumber("version").longValue() == after
                            && (!r.containsKey("change") || r.isNull("change"))));

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

    @Test
    @Order(7)
    void aNodeRestoredFromItsBackupRejoinsAndIsBroughtUpToDate() throws Exception {
        Path into = Files.createTempDirectory("system-backups");
        for (MicroNode node : NODES) {
            HttpResponse<String> started = Http.postJson(node.api().resolve("admin/backup"),
                    "{\"directory\": \"" + into + "\"}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        }
        ThreeNodes.eventually("every node's backup is done", () -> NODES.stream()
                .allMatch(n -> "DONE".equals(backupOf(n).getString("state"))));
        for (MicroNode node : NODES) {
            BACKUPS.put(node.name, Path.of(backupOf(node).getString("lastDirectory")));
        }
        for (int i = 0; i < KEYS; i++) {
            assertThat(Http.put(kv(NODES.get(i % 2), "after-" + i, "w=2"), "a" + i, null).statusCode()).isEqualTo(204);
        }
        MicroNode victim = NODES.get(2);
        victim.stop();
        wipe(victim);
        NodeRestore.restore(BACKUPS.get(victim.name), victim.dataDir, victim.name, false);
        victim.start(false, seeds);
        victim.await("ready", ThreeNodes.START);

        for (int i = 0; i < KEYS; i++) {
            for (String[] kv : new String[][] {{"key-" + i, "value-" + i}, {"during-" + i, "v" + i},
                {"after-" + i, "a" + i}}) {
                HttpResponse<String> get = Http.get(kv(victim, kv[0], "r=3"));
                assertThat(get.statusCode()).as("get %s with R=N: %s", kv[0], get.body()).isEqualTo(200);
                assertThat(get.body()).isEqualTo(kv[1]);
            }
        }
        ThreeNodes.eventually("every replica of every key matches", () -> allReplicasEqual("key-")
                && allReplicasEqual("during-") && allReplicasEqual("after-"));
    }

    @Test
    @Order(8)
    void aWholeClusterRestoredFromTheBackupsOfEveryNodeHoldsEveryKeyBackedUp() throws Exception {
        assertThat(BACKUPS).hasSize(3);
        // Their data is wiped next: a clean shutdown would change nothing but the time it takes.
        for (MicroNode node : NODES) {
            node.kill();
        }
        for (MicroNode node : NODES) {
            wipe(node);
            NodeRestore.restore(BACKUPS.get(node.name), node.dataDir, node.name, false);
        }
        // All at once, as ThreeNodes starts them.
        for (MicroNode node : NODES) {
            node.start(false, seeds);
        }
        for (MicroNode node : NODES) {
            node.await("live", ThreeNodes.START);
        }
        for (MicroNode node : NODES) {
            node.await("ready", ThreeNodes.START);
        }

        for (int i = 0; i < KEYS; i++) {
            for (String[] kv : new String[][] {{"key-" + i, "value-" + i}, {"during-" + i, "v" + i}}) {
                HttpResponse<String> get = Http.get(kv(NODES.get(i % 3), kv[0], "r=3"));
                assertThat(get.statusCode()).as("get %s with R=N: %s", kv[0], get.body()).isEqualTo(200);
                assertThat(get.body()).isEqualTo(kv[1]);
            }
            // Written after the backups: no restored node holds them (docs/backup.md says so).
            assertThat(Http.get(kv(NODES.get(i % 3), "after-" + i, "r=3")).statusCode()).isEqualTo(404);
        }
        assertThat(allReplicasEqual("key-") && allReplicasEqual("during-")).isTrue();
    }

    /**
     * Namespaces on the real nodes still in the ring: every bad plan is a 4xx JSON error and changes nothing; two
     * namespaces of different N and role (a client without the role gets 403); then one is dropped while writes to it
     * and to the default namespace go on, and no node keeps a key of it.
     */
    @Test
    @Order(10)
    void namespacesWithTheirOwnNAndRoleAndADropUnderLoadThatLeavesNoKeyOnAnyNode() throws Exception {
        // The nodes in the ring: the last tests removed node3, and this test runs after them.
        List<String> members = ThreeNodes.ringOf(NODES.get(0)).getJsonArray("members").stream()
                .map(m -> m.asJsonObject().getString("node")).toList();
        List<MicroNode> nodes = NODES.stream().filter(n -> members.contains(n.name)).toList();
        assertThat(nodes).hasSizeGreaterThanOrEqualTo(2);
        URI admin = nodes.get(0).api().resolve("admin/namespaces/");
        long before = Http.json(Http.get(admin.resolve("../namespaces"))).getJsonNumber("catalogVersion").longValue();
        String[][] refused = {
            {"{\"operation\":\"create\",\"name\":\"\"}", "400", "invalid_namespace"},
            {"{\"operation\":\"create\",\"name\":\"" + "x".repeat(65) + "\"}", "400", "invalid_namespace"},
            {"{\"operation\":\"create\",\"name\":\"Carts!\"}", "400", "invalid_namespace"},
            {"{\"operation\":\"create\",\"name\":\"c\",\"n\":0}", "400", "invalid_namespace"},
            {"{\"operation\":\"create\",\"name\":\"c\",\"n\":4}", "400", "invalid_namespace"},
            {"{\"operation\":\"create\",\"name\":\"c\",\"n\":2,\"r\":3}", "400", "invalid_namespace"},
            {"{\"operation\":\"create\",\"name\":\"c\",\"n\":2,\"w\":3}", "400", "invalid_namespace"},
            {"{\"operation\":\"create\",\"name\":\"c\",\"policy\":\"newest\"}", "400", "invalid_namespace"},
            {"{\"operation\":\"create\",\"name\":\"c\",\"policy\":\"Last-Write-Wins\"}", "400",
                "invalid_namespace"},
            {"{\"operation\":\"drop\",\"name\":\"default\"}", "400", "invalid_namespace"},
            {"{\"operation\":\"drop\",\"name\":\"nope\"}", "404", "namespace_not_found"},
            {"{\"operation\":\"rename\",\"name\":\"c\"}", "400", "invalid_request"},
            {"[1]", "400", "invalid_request"}};
        for (String[] bad : refused) {
            for (String step : new String[] {"plan", "commit"}) {
                String body = step.equals("commit") && bad[0].startsWith("{")
                        ? bad[0].substring(0, bad[0].length() - 1) + ",\"catalogVersion\":" + before + "}" : bad[0];
                HttpResponse<String> answer = Http.postJson(admin.resolve(step), body);
                assertThat(answer.statusCode()).as("%s %s: %s", step, body, answer.body())
                        .isEqualTo(Integer.parseInt(bad[1]));
                assertThat(answer.body()).as(body).contains("\"error\":\"" + bad[2] + "\"");
            }
        }
        HttpResponse<String> lastWriteWins = Http.postJson(admin.resolve("plan"),
                "{\"operation\":\"create\",\"name\":\"c\",\"n\":2,\"policy\":\"last-write-wins\"}");
        assertThat(lastWriteWins.statusCode()).as(lastWriteWins.body()).isEqualTo(200);
        assertThat(lastWriteWins.body()).contains("\"policy\":\"last-write-wins\"");
        HttpResponse<String> stale = Http.postJson(admin.resolve("commit"), "{\"operation\":\"create\","
                + "\"name\":\"c\",\"catalogVersion\":" + (before + 5) + "}");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(stale.body()).contains("\"error\":\"stale_plan\"");
        HttpResponse<String> unknown = Http.get(nodes.get(1).api().resolve("ns/nope/kv/k"));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"error\":\"namespace_not_found\"");
        JsonObject unchanged = Http.json(Http.get(admin.resolve("../namespaces")));
        assertThat(unchanged.getJsonNumber("catalogVersion").longValue()).as("nothing changed").isEqualTo(before);
        assertThat(unchanged.getJsonArray("namespaces")).hasSize(1);

        commitNamespace(admin, "{\"operation\":\"create\",\"name\":\"carts\",\"n\":2,\"role\":\"client\"}");
        commitNamespace(admin, "{\"operation\":\"create\",\"name\":\"vault\",\"n\":1,\"role\":\"admin\"}");
        ThreeNodes.eventually("every node knows both namespaces", () -> nodes.stream().allMatch(n -> Http.json(
                Http.get(n.api().resolve("admin/namespaces"))).getJsonArray("namespaces").size() == 3));
        HttpClient plain = HttpClient.newHttpClient();
        String client = "Basic " + Base64.getEncoder().encodeToString(("client:" + CLIENT_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(send(plain, nodes.get(1).api().resolve("ns/carts/kv/a"), client, "in carts").statusCode())
                .isEqualTo(204);
        HttpResponse<String> forbidden = send(plain, nodes.get(1).api().resolve("ns/vault/kv/a"), client, "secret");
        assertThat(forbidden.statusCode()).as(forbidden.body()).isEqualTo(403);
        assertThat(forbidden.body()).contains("\"error\":\"forbidden\"").contains("role admin");
        assertThat(send(plain, nodes.get(1).api().resolve("ns/vault/kv/a"), null, "secret").statusCode())
                .isEqualTo(401);
        assertThat(Http.status(nodes.get(0).api().resolve("ns/default/kv/a"))).as("default needs what kv needs")
                .isEqualTo(401);
        MicroNode last = nodes.get(nodes.size() - 1);
        assertThat(Http.put(last.api().resolve("ns/vault/kv/a"), "secret", null).statusCode()).isEqualTo(204);
        assertThat(Http.get(nodes.get(0).api().resolve("ns/carts/kv/a?r=2")).body()).isEqualTo("in carts");
        assertThat(Http.get(nodes.get(0).api().resolve("ns/vault/kv/a")).body()).isEqualTo("secret");
        assertThat(Http.get(nodes.get(0).api().resolve("ns/carts/kv/a?r=3")).statusCode()).as("R above N=2")
                .isEqualTo(400);
        batchesInANamespaceOfN1FailPerKeyWhileTheKeysReplicaIsPaused(nodes, plain, client);
        DynamoClient.Builder builder = DynamoClient.builder().credentials("client", CLIENT_PASSWORD);
        nodes.forEach(n -> builder.seed(n.api()));
        try (DynamoClient dynamo = builder.build()) {
            NamespaceClient carts = dynamo.namespace("carts");
            String context = carts.put("b", null, "from the client".getBytes(StandardCharsets.UTF_8), "text/plain");
            assertThat(carts.get("b").context()).isEqualTo(context);
            assertThat(dynamo.get("b").found()).as("the same key in default").isFalse();
            assertThatThrownBy(() -> dynamo.namespace("vault").get("a")).isInstanceOfSatisfying(
                    DynamoClientException.class, e -> assertThat(e.status()).isEqualTo(403));
            assertThat(carts.putAll(List.of(BatchWrite.put("c", null, bytes("batched"), "text/plain"),
                    BatchWrite.put("b", context, bytes("replaced"), "text/plain")), WriteOptions.defaults()))
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(204));
            assertThat(carts.getAll(List.of("c", "b", "none"), ReadOptions.defaults())).extracting(r -> r.orElseThrow()
                    .siblings().stream().map(Sibling::asString).toList())
                    .containsExactly(List.of("batched"), List.of("replaced"), List.of());
            String tag = carts.get("b").etag();
            carts.put("b", null, "matched".getBytes(StandardCharsets.UTF_8), "text/plain",
                    WriteOptions.defaults().ifMatch(tag));
            assertThatThrownBy(() -> carts.put("b", null, "stale".getBytes(StandardCharsets.UTF_8), "text/plain",
                    WriteOptions.defaults().ifMatch(tag))).isInstanceOfSatisfying(DynamoClientException.class,
                            e -> assertThat(e.preconditionFailed()).as(e.getMessage()).isTrue());
            assertThat(new String(carts.get("b").value().orElseThrow().value(), StandardCharsets.UTF_8))
                    .isEqualTo("matched");
        }
        conditionalWritesKeepToTheirNamespace(nodes.get(0), nodes.get(nodes.size() - 1));

        AtomicInteger written = new AtomicInteger();
        AtomicInteger defaultWritten = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                for (int i = 0; !stop.get(); i++) {
                    MicroNode via = nodes.get(i % nodes.size());
                    if (Http.put(kv(via, "ns-default-" + i, "w=2"), "v" + i, null).statusCode() == 204) {
                        defaultWritten.set(i + 1);
                    }
                    if (Http.put(nodes.get((i + 1) % nodes.size()).api().resolve("ns/carts/kv/k" + i), "v" + i, null)
                            .statusCode() == 204) {
                        written.incrementAndGet();
                    }
                }
            }, writers);
            ThreeNodes.eventually("writes to carts go through", () -> written.get() >= 30);
            commitNamespace(admin, "{\"operation\":\"drop\",\"name\":\"carts\"}");
            ThreeNodes.eventually("every node has dropped carts and holds none of its keys", () -> nodes.stream()
                    .allMatch(n -> Http.json(Http.get(n.api().resolve("admin/namespaces"))).getJsonArray("namespaces")
                            .stream().map(JsonValue::asJsonObject).filter(e -> e.getString("name").equals("carts"))
                            .allMatch(e -> e.getString("state").equals("dropped")
                                    && e.getJsonNumber("keysHere").longValue() == 0)));
            stop.set(true);
            load.get();
        } finally {
            writers.shutdownNow();
        }
        assertThat(Http.get(last.api().resolve("ns/carts/kv/k0")).statusCode()).isEqualTo(404);
        for (MicroNode node : nodes) {
            JsonObject carts = Http.json(Http.get(node.api().resolve("admin/namespaces"))).getJsonArray("namespaces")
                    .stream().map(JsonValue::asJsonObject).filter(e -> e.getString("name").equals("carts"))
                    .findFirst().orElseThrow();
            assertThat(carts.getJsonNumber("keysHere").longValue()).as(node.name).isZero();
            assertThat(carts.getJsonObject("purge").getInt("partitionsDone")).isEqualTo(32);
        }
        for (int i = 0; i < defaultWritten.get(); i++) {
            assertThat(Http.get(kv(nodes.get(i % nodes.size()), "ns-default-" + i, "r=2")).body())
                    .as("default key %d", i).isEqualTo("v" + i);
        }
    }

    /**
     * If-None-Match and If-Match on a namespace's path: checked against that namespace's versions (the same key in
     * default is another key), with the same answers as on /kv.
     */
    private static void conditionalWritesKeepToTheirNamespace(MicroNode one, MicroNode other) {
        URI key = one.api().resolve("ns/carts/kv/only-once");
        HttpResponse<String> created = conditional(key, "PUT", "If-None-Match", "*", "first");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        String etag = created.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = conditional(other.api().resolve("ns/carts/kv/only-once"), "PUT", "If-None-Match",
                "*", "second");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(412);
        assertThat(again.body()).contains("\"error\":\"precondition_failed\"");
        assertThat(conditional(one.api().resolve("kv/only-once"), "PUT", "If-None-Match", "*", "in default")
                .statusCode()).as("absent in default").isEqualTo(204);
        HttpResponse<String> malformed = conditional(key, "PUT", "If-Match", "not-a-tag", "x");
        assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"error\":\"malformed_etag\"");
        HttpResponse<String> matched = conditional(key, "PUT", "If-Match", etag, "replaced");
        assertThat(matched.statusCode()).as(matched.body()).isEqualTo(204);
        HttpResponse<String> staleDelete = conditional(key, "DELETE", "If-Match", etag, null);
        assertThat(staleDelete.statusCode()).as(staleDelete.body()).isEqualTo(412);
        HttpResponse<String> read = Http.get(other.api().resolve("ns/carts/kv/only-once?r=2"));
        assertThat(read.body()).as("a refused write changed nothing").isEqualTo("replaced");
        HttpResponse<String> delete = conditional(key, "DELETE", "If-Match",
                read.headers().firstValue("ETag").orElseThrow(), null);
        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(204);
        assertThat(Http.get(one.api().resolve("kv/only-once")).body()).as("default's key untouched")
                .isEqualTo("in default");
    }

    private static HttpResponse<String> conditional(URI uri, String method, String header, String value,
            String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header(header, value).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "text/plain");
        }
        return Http.send(b);
    }

    /**
     * vault has N=1: each key lives on one of the two nodes. Its role goes for batches as for single keys; with one
     * node paused, a batch read through the other answers its own keys and a 503 for each key of the paused one.
     */
    private static void batchesInANamespaceOfN1FailPerKeyWhileTheKeysReplicaIsPaused(List<MicroNode> nodes,
            HttpClient plain, String client) throws Exception {
        String[] keys = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "batched-" + i).toArray(String[]::new);
        HttpRequest.Builder asClient = HttpRequest.newBuilder(nodes.get(0).api().resolve("ns/vault/kv/_mget"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"keys\": [\"a\"]}"));
        assertThat(plain.send(asClient.copy().header("Authorization", client).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("vault needs role admin").isEqualTo(403);
        assertThat(plain.send(asClient.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        StringBuilder items = new StringBuilder();
        for (String key : keys) {
            items.append(items.length() == 0 ? "" : ",").append("{\"key\": \"").append(key).append("\", \"value\": \"")
                    .append(Base64.getEncoder().encodeToString(bytes(key))).append("\"}");
        }
        HttpResponse<String> written = Http.postJson(nodes.get(0).api().resolve("ns/vault/kv/_mput"),
                "{\"items\": [" + items + "]}");
        assertThat(Http.json(written).getJsonArray("results").getValuesAs(JsonObject.class))
                .allSatisfy(r -> assertThat(r.getInt("status")).as(r.toString()).isEqualTo(204));
        MicroNode paused = nodes.get(1);
        paused.pause();
        List<JsonObject> results;
        try {
            results = batch(nodes.get(0), "ns/vault/kv/_mget", keys);
        } finally {
            paused.resume();
        }
        System.out.printf("batch with %s paused: %s%n", paused.name, results.stream().map(r -> r.getInt("status"))
                .toList());
        assertThat(results).extracting(r -> r.getString("key")).containsExactly(keys);
        assertThat(results).filteredOn(r -> r.getInt("status") == 200).isNotEmpty()
                .allSatisfy(r -> assertThat(new String(Base64.getDecoder().decode(r.getJsonArray("siblings")
                        .getJsonObject(0).getString("value")), StandardCharsets.UTF_8)).isEqualTo(r.getString("key")));
        assertThat(results).filteredOn(r -> r.getInt("status") != 200).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getInt("status")).isEqualTo(503);
            assertThat(r.getJsonObject("error").getString("error")).isEqualTo("insufficient_replicas");
        });
        ThreeNodes.eventually(paused.name + " answers for its keys again", () -> batch(nodes.get(0),
                "ns/vault/kv/_mget", keys).stream().allMatch(r -> r.getInt("status") == 200));
    }

    /** A batch read's results, in order; the batch itself must be answered 200. */
    private static List<JsonObject> batch(MicroNode node, String path, String... keys) {
        String list = Stream.of(keys).map(k -> "\"" + k + "\"").collect(java.util.stream.Collectors.joining(","));
        return Http.json(Http.postJson(node.api().resolve(path), "{\"keys\": [" + list + "]}"))
                .getJsonArray("results").getValuesAs(JsonObject.class);
    }

    private static List<Integer> batchStatuses(MicroNode node, String query, String... keys) {
        return batch(node, "kv/_mget?" + query, keys).stream().map(r -> r.getInt("status")).toList();
    }

    private static void commitNamespace(URI admin, String body) {
        JsonObject plan = Http.json(Http.postJson(admin.resolve("plan"), body));
        assertThat(plan.getBoolean("committed")).isFalse();
        String commit = body.substring(0, body.length() - 1) + ",\"catalogVersion\":" + plan.getJsonNumber(
                "fromVersion").longValue() + "}";
        JsonObject done = Http.json(Http.postJson(admin.resolve("commit"), commit));
        assertThat(done.getBoolean("committed")).as(done.toString()).isTrue();
    }

    private static HttpResponse<String> send(HttpClient http, URI uri, String authorization, String value)
            throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(uri).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(value));
        if (authorization != null) {
            put.header("Authorization", authorization);
        }
        return http.send(put.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The Java client's ttl on real nodes: a put's and a batch item's value reads as not found once expired. */
    @Test
    @Order(4)
    void valuesWrittenWithATtlThroughTheJavaClientReadAsNotFoundOnceExpired() throws Exception {
        awaitSettledRing();
        try (DynamoClient dynamo = client()) {
            dynamo.put("ttl-put", null, bytes("brief"), "text/plain",
                    WriteOptions.quorum(3).ttl(Duration.ofSeconds(1)));
            List<BatchResult<String>> batch = dynamo.putAll(List.of(
                    BatchWrite.put("ttl-item", null, bytes("brief too"), "text/plain").ttl(Duration.ofSeconds(1)),
                    BatchWrite.put("ttl-none", null, bytes("stays"), "text/plain")), WriteOptions.quorum(3));
            // The nodes made the expiries from this machine's clock before answering: none is later than this.
            long expiredBy = System.currentTimeMillis() + 1000;
            assertThat(batch).allSatisfy(r -> assertThat(r.succeeded()).as(r.key()).isTrue());
            Thread.sleep(Math.max(0, expiredBy - System.currentTimeMillis()) + 50);

            Versions expired = dynamo.get("ttl-put");
            assertThat(expired.found()).isFalse();
            assertThat(expired.context()).as("an expired key keeps its context").isNotNull();
            assertThat(dynamo.get("ttl-item", ReadOptions.quorum(3)).found()).isFalse();
            assertThat(dynamo.get("ttl-none", ReadOptions.quorum(3)).value().orElseThrow().asString())
                    .isEqualTo("stays");
            for (MicroNode node : NODES) {
                assertThat(Http.get(kv(node, "ttl-put", "r=1")).statusCode()).as(node.name).isEqualTo(404);
                assertThat(Http.get(kv(node, "ttl-item", "r=1")).statusCode()).as(node.name).isEqualTo(404);
            }

            dynamo.put("ttl-put", expired.context(), bytes("again"), "text/plain", WriteOptions.quorum(3));
            assertThat(dynamo.get("ttl-put", ReadOptions.quorum(3)).siblings()).as("the expired version superseded")
                    .extracting(Sibling::asString).containsExactly("again");
        }
    }

    /**
     * The example application beside the product on node2, its DynamoClient injected by dynamo-client-cdi: carts
     * written and read through it are in the store, bad input gets its own 4xx JSON errors, and with the key's
     * coordinator paused a read ends at its MicroProfile Fault Tolerance timeout (2 s) with its own 504, long before
     * the client's read timeout (10 s).
     */
    @Test
    @Order(4)
    void theExampleApplicationWorksThroughTheInjectedClientAndTimesOutWhenTheStoreHangs() throws Exception {
        awaitSettledRing();
        MicroNode host = NODES.get(1);
        URI carts = URI.create("http://" + host.host + ":" + host.httpPort + "/dynamo-example/api/carts/");
        assertThat(putCart(carts.resolve("alice"), "milk\neggs", null).statusCode()).isEqualTo(204);
        HttpResponse<String> read = Http.get(carts.resolve("alice"));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("milk\neggs");
        String etag = read.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> stored = Http.get(kv(NODES.get(0), "cart:alice", "r=2"));
        assertThat(stored.body()).as("in the store, read through node1").isEqualTo("milk\neggs");

        assertThat(putCart(carts.resolve("alice"), "milk", etag).statusCode()).as("If-Match the read").isEqualTo(204);
        HttpResponse<String> stale = putCart(carts.resolve("alice"), "bread", etag);
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        assertThat(stale.body()).contains("\"error\":\"cart_changed\"");
        assertThat(Http.get(carts.resolve("alice")).body()).isEqualTo("milk");
        HttpResponse<String> none = Http.get(carts.resolve("nobody"));
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("\"error\":\"no_cart\"");
        HttpResponse<String> badUser = Http.get(carts.resolve("u".repeat(101)));
        assertThat(badUser.statusCode()).isEqualTo(400);
        assertThat(badUser.body()).contains("\"error\":\"invalid_user\"");
        HttpResponse<String> tooLarge = putCart(carts.resolve("alice"), "x".repeat(10_001), null);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("\"error\":\"cart_too_large\"");

        MicroNode coordinator = NODES.get(0);
        String user = userCoordinatedBy(coordinator, host);
        assertThat(putCart(carts.resolve(user), "tea", null).statusCode()).isEqualTo(204);
        coordinator.pause();
        try {
            long start = System.nanoTime();
            HttpResponse<String> slow = Http.get(carts.resolve(user));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(slow.statusCode()).as("after %d ms: %s", millis, slow.body()).isEqualTo(504);
            assertThat(slow.body()).contains("\"error\":\"store_timeout\"");
            assertThat(millis).as("the example's timeout, not the client's read timeout").isBetween(1_500L, 8_000L);
        } finally {
            coordinator.resume();
        }
        ThreeNodes.eventually("the example reads the cart again", () -> "tea".equals(Http.get(carts.resolve(user))
                .body()));
    }

    private static HttpResponse<String> putCart(URI cart, String items, String etag) {
        HttpRequest.Builder request = HttpRequest.newBuilder(cart).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(items));
        return Http.send(etag == null ? request : request.header("If-Match", etag));
    }

    /** A user whose cart key has {@code coordinator} at the head of its preference list. */
    private static String userCoordinatedBy(MicroNode coordinator, MicroNode asked) {
        for (int i = 0; i < 1000; i++) {
            JsonObject placement = Http.json(Http.get(asked.api().resolve("admin/ring/key/cart:user-" + i)));
            if (placement.getJsonArray("replicas").getJsonObject(0).getString("node").equals(coordinator.name)) {
                return "user-" + i;
            }
        }
        throw new AssertionError("no key of 1000 is coordinated by " + coordinator.name);
    }

    private static JsonObject backupOf(MicroNode node) {
        return Http.json(Http.get(node.api().resolve("admin/backup")));
    }

    private static void wipe(MicroNode node) throws IOException {
        try (Stream<Path> files = Files.walk(node.dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(node.dataDir).doesNotExist();
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



    /** {@code dynamo_refused_total{error="..."}} from the node's metrics; 0 when the series is not there yet. */
    private static long refusedCount(MicroNode node, String error) {
        return metric(node, "dynamo_refused_total", "error=\"" + error + "\"");
    }

    private static long metric(MicroNode node, String name, String... labels) {
        return (long) MetricsText.value(metrics(node), name, labels);
    }

    private static String metrics(MicroNode node) {
        return Http.get(node.api().resolve("/metrics?scope=application")).body();
    }

    private static URI kv(MicroNode node, String key, String query) {
        return node.api().resolve("kv/" + key + "?" + query);
    }
}
