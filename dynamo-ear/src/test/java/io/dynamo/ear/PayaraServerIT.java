package io.dynamo.ear;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.jaxrs.system.Http;
import io.dynamo.jaxrs.system.LoopbackPorts;
import io.dynamo.jaxrs.system.MicroNode;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The EAR on full Payara Server 6 as docs/payara-server.md tells an operator to run it: a domain from the unpacked
 * distribution prepared with {@code config/payara-server-setup.txt}, a deployment group of three instances (each one
 * node with its own settings as JVM options, the admin password as a password alias), one deployment of the EAR to
 * the group, the ring formed through the admin API. Then the API on the server (values with contexts, siblings,
 * deletes, bad input, admin and health, listeners on loopback) and what an operator relies on: a write through one
 * instance is read through every other, a stopped instance gets the writes it missed handed off when it comes back,
 * and a redeploy of the EAR to the group keeps every node's data and ring. The steps build on each other, so they run
 * in order; each prints how long it took.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayaraServerIT {
    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static final String KV = "/dynamo/api/v1/kv/";
    private static final String ADMIN = "/dynamo/api/v1/admin/";
    private static final int KEYS = 30;

    private static PayaraServer das;
    private static DeploymentGroup group;
    private static Path ear;
    private static final Map<String, String> written = new LinkedHashMap<>();

    @BeforeAll
    static void deployToTheGroup() throws Exception {
        Path work = Path.of("target", "payara-group-it").toAbsolutePath();
        int base = freePortBase();
        das = new PayaraServer(Path.of(System.getProperty("dynamo.it.payaraHome")), work, base);
        Progress progress = new Progress();
        das.createDomain();
        das.start(Path.of(System.getProperty("dynamo.it.setup")), Map.of());
        progress.step("domain created and started");
        group = new DeploymentGroup(das, work, List.of(base + 1000, base + 2000, base + 3000));
        // N=2 on three nodes: a key whose replica is stopped has a third node to stand in for it and hold a hint.
        group.create(MicroNode.ADMIN_PASSWORD, MicroNode.CLIENT_PASSWORD, 2, 1, 2);
        ear = Path.of(System.getProperty("dynamo.it.ear"));
        group.deploy(ear);
        progress.step("deployment group of three instances created, EAR deployed to it");
        group.start();
        awaitReady(0);
        progress.step("instances started, " + DeploymentGroup.instance(0) + " ready");
        join(1);
        join(2);
        for (int i = 0; i < group.size(); i++) {
            awaitReady(i);
        }
        // As an operator would before stopping a node: the join handed over (while a change is open, a stopped
        // participant holds it open and writes need W in both rings' replicas).
        eventually("every instance has the ring of three, its change over, and no transfer left", () -> {
            for (int i = 0; i < group.size(); i++) {
                JsonObject ring = ring(i);
                boolean changing = ring.containsKey("change") && !ring.isNull("change");
                if (ring.getJsonArray("members").size() != 3 || changing || !transfersIdle(i)) {
                    return false;
                }
            }
            return true;
        });
        progress.step("ring of three formed, transfers done");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (group != null) {
                group.stop();
            }
        } finally {
            if (das != null) {
                das.stop();
            }
        }
    }

    @Test
    @Order(1)
    void putThenGetReturnsTheValueWithItsContext() {
        HttpResponse<String> put = Http.put(kv(0, "user%3A1"), "alice", null);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
        String context = put.headers().firstValue("X-Dynamo-Context").orElseThrow();

        HttpResponse<String> get = Http.get(kv(0, "user%3A1"));
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("alice");
        assertThat(Http.status(kv(0, "user%3A1"))).as("no credentials, no data (the default)").isEqualTo(401);
        assertThat(get.headers().firstValue("X-Dynamo-Context")).contains(context);
    }

    @Test
    @Order(2)
    void aWriteWithTheContextReplacesTheValueAndAStaleOneMakesSiblings() {
        String context = Http.put(kv(0, "colour"), "red", null).headers()
                .firstValue("X-Dynamo-Context").orElseThrow();
        assertThat(Http.put(kv(1, "colour"), "blue", context).statusCode()).isEqualTo(204);
        assertThat(Http.put(kv(2, "colour"), "green", context).statusCode()).isEqualTo(204);

        HttpResponse<String> get = Http.get(kv(0, "colour"));
        assertThat(get.statusCode()).isEqualTo(300);
        assertThat(get.body()).contains("Ymx1ZQ==", "Z3JlZW4=").doesNotContain("cmVk");
    }

    @Test
    @Order(3)
    void deleteWithTheContextLeavesTheKeyMissing() {
        String context = Http.put(kv(0, "gone"), "x", null).headers()
                .firstValue("X-Dynamo-Context").orElseThrow();
        assertThat(Http.delete(kv(0, "gone"), context).statusCode()).isEqualTo(204);
        HttpResponse<String> get = Http.get(kv(1, "gone"));
        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(get.body()).contains("\"error\"");
    }

    @Test
    @Order(4)
    void badInputIsAJsonErrorFromTheApplicationNotTheServer() {
        HttpResponse<String> badKey = Http.get(kv(0, "%FF"));
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(badKey.body()).contains("\"error\":\"invalid_key\"");

        HttpResponse<String> badQuorum = Http.get(kv(0, "k?r=0"));
        assertThat(badQuorum.statusCode()).isEqualTo(400);
        assertThat(badQuorum.body()).contains("\"error\"");
    }

    @Test
    @Order(5)
    void theAdminApiAndHealthAnswerOnEveryInstance() {
        for (int i = 0; i < group.size(); i++) {
            JsonObject ring = ring(i);
            assertThat(ring.getString("answeredBy")).isEqualTo(DeploymentGroup.instance(i));
            assertThat(ring.getInt("partitions")).isEqualTo(16);
            assertThat(Http.status(group.base(i).resolve("/health/live"))).isEqualTo(200);
        }
    }

    @Test
    @Order(6)
    void everyListenerOfTheDomainAndItsInstancesIsOnLoopback() throws IOException {
        List<InetSocketAddress> listeners = new ArrayList<>(das.listeningAddresses());
        for (int i = 0; i < group.size(); i++) {
            List<InetSocketAddress> instance = PayaraServer.listeningAddresses(group.pidFile(i));
            assertThat(instance).as(DeploymentGroup.instance(i)).isNotEmpty();
            listeners.addAll(instance);
        }
        assertThat(listeners).allSatisfy(listener -> assertThat(listener.getAddress().isLoopbackAddress())
                .as(listener.toString()).isTrue());
    }

    @Test
    @Order(7)
    void aWriteThroughOneInstanceIsReadThroughEveryOther() {
        for (int k = 0; k < KEYS; k++) {
            String key = "group-" + k;
            HttpResponse<String> put = Http.put(kv(k % group.size(), key), "value-" + k, null);
            assertThat(put.statusCode()).as("%s: %s", key, put.body()).isEqualTo(204);
            written.put(key, "value-" + k);
        }
        assertEveryKeyReadsBackThroughEveryInstance();
    }

    @Test
    @Order(8)
    void aStoppedInstanceGetsTheWritesItMissedHandedOffWhenItComesBack() throws Exception {
        int stopped = 2;
        Progress progress = new Progress();
        group.stopInstance(stopped);
        eventually(DeploymentGroup.instance(stopped) + " answers no more",
                () -> Http.status(group.base(stopped).resolve("/health/live")) == -1);
        for (int k = 0; k < KEYS; k++) {
            String key = "missed-" + k;
            HttpResponse<String> put = Http.put(kv(k % 2, key), "while-down-" + k, null);
            assertThat(put.statusCode()).as("%s with %s stopped: %s", key, DeploymentGroup.instance(stopped),
                    put.body()).isEqualTo(204);
            written.put(key, "while-down-" + k);
        }
        long held = hintsHeld(0) + hintsHeld(1);
        assertThat(held).as("hints held for %s by the two others", DeploymentGroup.instance(stopped))
                .isPositive();

        progress.step(DeploymentGroup.instance(stopped) + " stopped; " + KEYS + " writes made meanwhile, " + held
                + " hints held for it");
        group.startInstance(stopped);
        awaitReady(stopped);
        eventually("the hints for " + DeploymentGroup.instance(stopped) + " delivered",
                () -> hintsHeld(0) + hintsHeld(1) == 0);
        progress.step(DeploymentGroup.instance(stopped) + " restarted, its hints delivered");
        for (String key : written.keySet()) {
            JsonObject versions = Http.json(Http.get(group.base(0).resolve(ADMIN + "keys/" + key + "/versions")));
            assertThat(versions.getJsonArray("replicas").getValuesAs(JsonObject.class))
                    .filteredOn(r -> r.getBoolean("replica"))
                    .as("every replica of %s up to date", key).hasSize(2)
                    .allSatisfy(r -> assertThat(r.getString("relation", r.getString("error", "?")))
                            .as(r.toString()).isEqualTo("EQUAL"));
        }
    }

    @Test
    @Order(9)
    void aRedeployToTheGroupKeepsEveryNodesDataAndRing() throws Exception {
        long version = ring(0).getJsonNumber("version").longValue();
        Progress progress = new Progress();
        group.redeploy(ear);
        for (int i = 0; i < group.size(); i++) {
            awaitReady(i);
            JsonObject ring = ring(i);
            assertThat(ring.getJsonNumber("version").longValue()).as("ring version on %s", DeploymentGroup.instance(i))
                    .isEqualTo(version);
            assertThat(ring.getJsonArray("members")).hasSize(3);
        }
        progress.step("EAR redeployed to the group, every instance ready again");
        assertEveryKeyReadsBackThroughEveryInstance();
    }

    /** Prints each step's duration, so a slow run shows where its time went. */
    private static final class Progress {
        private long last = System.nanoTime();

        void step(String done) {
            long now = System.nanoTime();
            System.out.printf("PayaraServerIT: %s (%.1f s)%n", done, (now - last) / 1e9);
            last = now;
        }
    }

    private static void assertEveryKeyReadsBackThroughEveryInstance() {
        for (int i = 0; i < group.size(); i++) {
            for (Map.Entry<String, String> e : written.entrySet()) {
                HttpResponse<String> get = Http.get(kv(i, e.getKey()));
                assertThat(get.statusCode()).as("%s through %s: %s", e.getKey(), DeploymentGroup.instance(i),
                        get.body()).isEqualTo(200);
                assertThat(get.body()).isEqualTo(e.getValue());
            }
        }
    }

    private static URI kv(int instance, String key) {
        return group.base(instance).resolve(KV + key);
    }

    private static JsonObject ring(int instance) {
        return Http.json(Http.get(group.base(instance).resolve(ADMIN + "ring")));
    }

    private static long hintsHeld(int instance) {
        return Http.json(Http.get(group.base(instance).resolve(ADMIN + "hints"))).getJsonNumber("count").longValue();
    }

    private static boolean transfersIdle(int instance) {
        return Http.json(Http.get(group.base(instance).resolve(ADMIN + "transfers"))).getBoolean("idle");
    }

    /**
     * Joins an instance's node through the first instance's admin API, once that instance has heard of it by gossip
     * (as an operator waits for {@code GET /admin/nodes} to list it); again while the cluster answers 409.
     */
    private static void join(int i) throws Exception {
        String node = DeploymentGroup.instance(i);
        eventually(node + " listed by " + DeploymentGroup.instance(0) + "'s GET /admin/nodes; its log's errors: "
                + "see " + group.log(i), () -> Http.json(Http.get(group.base(0).resolve(ADMIN + "nodes")))
                .getJsonArray("nodes").stream().anyMatch(n -> n.asJsonObject().getString("node").equals(node)),
                () -> errors(group.log(i)));
        JsonObject done = Http.join(group.base(0).resolve(ADMIN), node, Duration.ofMinutes(2));
        assertThat(done.getBoolean("committed")).as(done.toString()).isTrue();
    }

    private static void awaitReady(int instance) throws InterruptedException {
        URI ready = group.base(instance).resolve("/health/ready");
        eventually(DeploymentGroup.instance(instance) + " ready at " + ready + " (log: " + group.log(instance) + ")",
                () -> Http.status(ready) == 200);
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        eventually(what, condition, () -> "");
    }

    /** The SEVERE records of a server log (their first lines), so that a failure says why an instance did not come. */
    private static String errors(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            List<String> severe = new ArrayList<>();
            for (int l = 0; l < all.size(); l++) {
                if (all.get(l).contains("[SEVERE]")) {
                    severe.add(all.get(l) + (l + 1 < all.size() ? " " + all.get(l + 1).trim() : ""));
                }
            }
            return severe.isEmpty() ? "\nno SEVERE record in " + log
                    : "\n" + String.join("\n", severe.subList(Math.max(0, severe.size() - 10), severe.size()));
        } catch (IOException e) {
            return "\n" + log + " unreadable: " + e;
        }
    }

    private static void eventually(String what, BooleanSupplier condition, Supplier<String> diagnosis)
            throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException | AssertionError notYet) {
                // an instance still starting answers errors: try again
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not within " + SETTLE + ": " + what + diagnosis.get());
    }

    /** A port base from which the domain (base + offset) and three instances (+1000, +2000, +3000) are free. */
    private static int freePortBase() throws IOException {
        List<Integer> offsets = List.of(9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86, 90, 190);
        List<Integer> all = new ArrayList<>();
        for (int instance = 0; instance <= 3; instance++) {
            for (int offset : offsets) {
                all.add(instance * 1000 + offset);
            }
        }
        return LoopbackPorts.freeBase(3200, all);
    }
}
