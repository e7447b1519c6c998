package io.dynamo.admin.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.admin.ExitCode;
import io.dynamo.admin.Run;
import io.dynamo.jaxrs.system.Http;
import io.dynamo.jaxrs.system.LoopbackPorts;
import io.dynamo.jaxrs.system.MicroNode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * dynamo-admin against a real node: one Payara Micro process running the built WAR, a ring of its own (Q=8,
 * N=R=W=1), shared by every test here. The tests that change the ring come last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminCliIT {
    private static MicroNode node;
    private static Map<String, String> admin;

    @BeforeAll
    static void startNode() throws Exception {
        Path work = Path.of(System.getProperty("dynamo.it.work", "target/it-work"))
                .resolve(String.valueOf(System.currentTimeMillis()));
        List<Integer> ports = LoopbackPorts.free(2);
        node = new MicroNode("cli1", ports.get(0), ports.get(1), work,
                List.of("-Ddynamo.q=8", "-Ddynamo.n=1", "-Ddynamo.r=1", "-Ddynamo.w=1"));
        node.start(true, "127.0.0.1[" + node.jgroupsPort + "]");
        node.await("ready", Duration.ofMinutes(4));
        admin = Map.of("DYNAMO_NODES", url(), "DYNAMO_ADMIN_PASSWORD", MicroNode.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopNode() throws InterruptedException {
        if (node != null) {
            node.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String url() {
        return "http://127.0.0.1:" + node.httpPort;
    }

    private static Run ok(String... args) {
        Run run = Run.of(admin, args);
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.clean()).as(run.toString()).isTrue();
        return run;
    }

    private static JsonObject json(Run run) {
        try (JsonReader reader = Json.createReader(new StringReader(run.out()))) {
            JsonStructure read = reader.read();
            return read instanceof JsonObject o ? o : Json.createObjectBuilder().add("list", read).build();
        }
    }

    private static long ringVersion() {
        return Http.json(Http.get(node.api().resolve("admin/ring"))).getJsonNumber("version").longValue();
    }

    @Test
    @Order(1)
    void statusShowsTheRingTheNodeItsHintsAndTransfers() {
        Run run = ok("status");

        assertThat(run.out()).startsWith("ring v1 (from cli1): Q=8 partitions, N=1, R=1, W=1, 1 member\n")
                .containsPattern("cli1\\*\\s+JOINED\\s+UP\\s+127\\.0\\.0\\.1:" + node.httpPort
                        + "\\s+1\\s+8\\s+\\d+\\s+0\\s+idle")
                .contains("hints held: 0; transfers: idle");

        JsonObject status = json(ok("status", "--json"));
        assertThat(status.getJsonObject("ring").getInt("version")).isEqualTo(1);
        assertThat(status.getJsonObject("nodes").getJsonArray("nodes")).hasSize(1);
        JsonObject own = status.getJsonArray("onNode").getJsonObject(0);
        assertThat(own.getString("node")).isEqualTo("cli1");
        assertThat(own.getJsonObject("answer").getJsonObject("transfers").getBoolean("idle")).isTrue();
    }

    @Test
    @Order(2)
    void ringNodesHintsTransfersAndAntiEntropy() {
        assertThat(ok("ring", "--ranges").out()).containsPattern("cli1\\s+1\\s+8\\s+100\\.0%")
                .containsPattern("7\\s+e0{31}\\s+10{32}\\s+cli1");
        assertThat(json(ok("--json", "ring")).getJsonArray("owners")).hasSize(8);
        assertThat(ok("nodes").out()).containsPattern("cli1\\*\\s+JOINED\\s+127\\.0\\.0\\.1:\\d+\\s+yes\\s+1\\s+8");
        assertThat(ok("hints").out()).containsPattern("cli1\\s+0\\s+0 B\\s+0");
        assertThat(json(ok("hints", "--json")).getJsonArray("list").getJsonObject(0).getJsonObject("answer")
                .getInt("count")).isZero();
        assertThat(ok("transfers").out()).startsWith("transfers: 0 pending, 0 running");
        Run waited = ok("transfers", "--wait");
        assertThat(waited.out()).isEqualTo("no transfers pending or running\n");
        assertThat(ok("anti-entropy").out()).containsPattern("cli1\\s+0\\s+0");
    }

    @Test
    @Order(3)
    void aKeysSiblingsOnItsReplica() {
        URI key = node.api().resolve("kv/cli:siblings");
        Http.put(key, "blue", null);
        Http.put(key, "green", null);

        Run run = ok("key", "cli:siblings");

        assertThat(run.out()).startsWith("key cli:siblings (partition ").contains("from cli1")
                .containsPattern("cli1\\s+replica\\s+EQUAL\\s+cli1\\.\\w+:\\d+\\s+\"(blue|green)\", \"(blue|green)\"");
        assertThat(json(ok("key", "cli:siblings", "--json")).getJsonObject("merged").getJsonArray("siblings"))
                .hasSize(2);
        assertThat(ok("key", "cli:never-written").out()).contains("merged: no copy holds it");
    }

    @Test
    @Order(4)
    void whatTheNodeRefusesIsExitCode1WithItsMessage() {
        Run exchange = Run.of(admin, "anti-entropy", "run", "0");
        Run leave = Run.of(admin, "leave", "ghost", "--yes");
        Run join = Run.of(admin, "join", "cli1", "--yes");
        Run outOfRange = Run.of(admin, "anti-entropy", "run", "8");
        Run remove = Run.of(admin, "remove", "cli1", "--yes");
        Run replace = Run.of(admin, "replace", "cli1", "ghost", "--yes");

        assertThat(remove.code()).as(remove.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(remove.err()).contains("(400 invalid_request: node cli1 is the last member of the ring");
        assertThat(replace.code()).as(replace.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(replace.out())
                .contains("plan (from cli1): replace cli1 with ghost, ring v1 -> v2: 8 partitions move");
        assertThat(replace.err()).contains("(409 join_refused: node ghost has never been heard from");
        assertThat(exchange.code()).as(exchange.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(exchange.err()).startsWith("dynamo-admin: 127.0.0.1:" + node.httpPort
                + " refused the request (409 exchange_not_possible: ");
        assertThat(leave.code()).as(leave.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(leave.err()).contains("(400 invalid_request: field 'node' = \"ghost\" is not a member of ring v1");
        assertThat(join.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(join.err()).contains("is already a member of ring v1");
        assertThat(outOfRange.code()).isEqualTo(ExitCode.USAGE);
        assertThat(outOfRange.err()).contains("partition 8 does not exist: ring v1 has Q=8");
        assertThat(List.of(exchange, leave, join, outOfRange, remove, replace)).allMatch(Run::clean);
    }

    @Test
    @Order(5)
    void refusedCredentialsAreExitCode4AndOnADefaultNodeEvenTheRingNeedsSome() {
        Run wrong = Run.of(Map.of("DYNAMO_NODES", url(), "DYNAMO_ADMIN_PASSWORD", "not-the-password"), "hints");
        Run none = Run.of(Map.of("DYNAMO_NODES", url()), "status");
        Run ring = Run.of(Map.of("DYNAMO_NODES", url()), "ring");

        assertThat(wrong.code()).as(wrong.toString()).isEqualTo(ExitCode.AUTH);
        assertThat(wrong.err()).startsWith("dynamo-admin: 127.0.0.1:" + node.httpPort
                + " refused the credentials (401 unauthorized").contains("DYNAMO_ADMIN_PASSWORD");
        assertThat(none.code()).as(none.toString()).isEqualTo(ExitCode.AUTH);
        // The node runs with the defaults: the ring, a client's routing read, needs the client (or admin) user.
        assertThat(ring.code()).as(ring.toString()).isEqualTo(ExitCode.AUTH);
        assertThat(ring.err()).contains("requires client credentials");
        assertThat(wrong.clean() && none.clean() && ring.clean()).isTrue();
    }

    @Test
    @Order(6)
    void anUnreachableNodeIsExitCode3AndAnotherNodeGivenIsUsed() throws IOException {
        String closed = "http://127.0.0.1:" + freePort();
        Run alone = Run.of(admin, "--node", closed, "ring");
        Run withAnother = Run.of(admin, "--node", closed + "," + url(), "ring");

        assertThat(alone.code()).as(alone.toString()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(alone.err()).startsWith("dynamo-admin: no node answered (tried " + closed.substring(7));
        assertThat(withAnother.code()).as(withAnother.toString()).isZero();
        assertThat(withAnother.out()).startsWith("ring v1 (from cli1)");
    }

    @Test
    @Order(7)
    void theLauncherRunsTheBuiltJar() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", System.getProperty("dynamo.admin.launcher"), "--node",
                url(), "status").redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(name -> name.startsWith("DYNAMO_"));
        builder.environment().put("DYNAMO_ADMIN_PASSWORD", MicroNode.ADMIN_PASSWORD);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(out + err).isZero();
        assertThat(out).startsWith("ring v1 (from cli1)").contains("hints held: 0; transfers: idle");
        assertThat(err).isEmpty();
    }

    @Test
    @Order(10)
    void hintsPurgeAsksFirstThenAsksEveryNodeToDropTheTargetsHints() {
        Run declined = Run.withInput(Run.typed("n\n"), admin, "hints", "purge", "gone-node");
        assertThat(declined.code()).as(declined.toString()).isEqualTo(ExitCode.DECLINED);
        assertThat(declined.err()).contains("Not purged");

        Run purged = Run.of(admin, "hints", "purge", "gone-node", "--yes");
        assertThat(purged.code()).as(purged.toString()).isZero();
        assertThat(purged.out()).contains("NODE").contains("PURGED").containsPattern("cli1\\s+0");
        assertThat(purged.clean()).isTrue();
    }

    @Test
    @Order(11)
    void backupWaitsForEveryNodesBackupAndRestoreMakesADataDirectoryOfIt() throws IOException {
        Http.put(node.api().resolve("kv/cli:backed-up"), "kept", null);
        Path into = Files.createTempDirectory("cli-backup");

        Run backup = ok("backup", "--dir", into.toString(), "--wait");

        assertThat(backup.out()).containsPattern("cli1\\s+DONE\\s+(\\d+)/\\1\\s+\\S+ \\S*B\\s+" + into + "/cli1-v1-");
        assertThat(backup.err()).contains("backup: cli1 ");
        JsonObject status = json(ok("backup", "--json")).getJsonArray("list").getJsonObject(0).getJsonObject("answer");
        assertThat(status.getString("state")).isEqualTo("DONE");
        Path made = Path.of(status.getString("lastDirectory"));
        assertThat(status.getJsonObject("lastManifest").getString("node")).isEqualTo("cli1");

        Path data = Files.createTempDirectory("cli-restore").resolve("cli1");
        Run restore = ok("restore", "--from", made.toString(), "--data-dir", data.toString(), "--node-id", "cli1");
        assertThat(restore.out()).startsWith("restored node cli1 (ring v1, backup of ");
        assertThat(data.resolve("membership.bin")).exists();
        assertThat(data.resolve("store")).isDirectory();

        Run refused = Run.of(admin, "backup", "--dir", into.resolve("missing").toString());
        assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(refused.out()).contains("not asked: ").contains("400 invalid_request")
                .contains("is not an existing directory");
        assertThat(refused.clean()).isTrue();
    }

    @Test
    @Order(8)
    void aDeclinedPlanLeavesTheRingUnchanged() {
        Run run = Run.withInput(Run.typed("n\n"), admin, "join", "ghost", "--weight", "1");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.DECLINED);
        assertThat(run.out()).startsWith("plan (from cli1): join ghost with weight 1, ring v1 -> v2: 4 partitions"
                + " move\n").containsPattern("ghost\\s+0\\s+4");
        assertThat(run.err()).isEqualTo("Commit? [y/N] Not committed: the ring stays at v1.\n");
        assertThat(ringVersion()).isEqualTo(1);
        assertThat(Run.withInput(Run.typed(""), admin, "leave", "cli1").code()).isEqualTo(ExitCode.REFUSED);
    }

    @Test
    @Order(9)
    void aJoinOfANodeTheClusterHasNeverHeardFromIsRefusedAfterThePromptAndTheRingStays() {
        Run run = Run.withInput(Run.typed("y\n"), admin, "join", "ghost");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.out()).startsWith("plan (from cli1): join ghost with weight 1, ring v1 -> v2");
        assertThat(run.err()).contains("409 join_refused").contains("node ghost has never been heard from");
        assertThat(run.clean()).as(run.toString()).isTrue();
        assertThat(ringVersion()).isEqualTo(1);
        assertThat(json(ok("ring", "--json")).getJsonArray("members")).hasSize(1);
    }

    @Test
    @Order(12)
    void aNamespaceIsCreatedListedChangedAndDroppedWithItsKeys() throws InterruptedException {
        Run declined = Run.withInput(Run.typed("n\n"), admin, "namespace", "create", "carts", "--ttl", "60");
        assertThat(declined.code()).as(declined.toString()).isEqualTo(ExitCode.DECLINED);
        assertThat(declined.out()).startsWith("plan (from cli1): create namespace carts, catalog v0 -> v1\n");
        assertThat(declined.err()).isEqualTo("Commit? [y/N] Not committed: the namespaces stay at catalog v0.\n");
        assertThat(json(ok("namespaces", "--json")).getJsonArray("namespaces")).hasSize(1);

        Run tooMany = Run.of(admin, "namespace", "create", "carts", "--n", "2", "--yes");
        assertThat(tooMany.code()).as(tooMany.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(tooMany.err()).startsWith("dynamo-admin: 127.0.0.1:" + node.httpPort
                + " refused the request (400 invalid_namespace: ");
        assertThat(tooMany.clean()).as(tooMany.toString()).isTrue();

        Run created = ok("namespace", "create", "carts", "--policy", "last-write-wins", "--ttl", "60", "--yes");
        assertThat(created.out()).contains("carts  live").contains("last-write-wins").contains("60 s");
        assertThat(created.err()).startsWith("Committed by cli1: create of namespace carts, catalog v1.");
        assertThat(Http.put(node.api().resolve("ns/carts/kv/k1"), "v", null).statusCode()).isEqualTo(204);
        assertThat(ok("namespaces").out()).startsWith("namespaces (from cli1): catalog v1, 2 namespaces\n")
                .containsPattern("\ncarts\\s+live\\s+1\\s+1\\s+1\\s+0\\s+last-write-wins\\s+none\\s+60 s.*\\s1\\s+-\n");
        Run conflict = Run.of(admin, "namespace", "create", "carts", "--yes");
        assertThat(conflict.code()).as(conflict.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(conflict.err()).contains("409 namespace_conflict");

        Run changed = Run.withInput(Run.typed("y\n"), admin, "namespace", "change", "carts", "--ttl", "0",
                "--siblings-max", "32");
        assertThat(changed.code()).as(changed.toString()).isZero();
        assertThat(changed.out()).startsWith("plan (from cli1): change namespace carts, catalog v1 -> v2\n")
                .endsWith("\nchanges: ttl 60 s -> -, siblings max 64 -> 32\n");
        JsonObject carts = namespace("carts");
        assertThat(carts.getInt("ttl")).isZero();
        assertThat(carts.getInt("siblingsMax")).isEqualTo(32);
        Run missing = Run.of(admin, "namespace", "change", "ghosts", "--ttl", "5", "--yes");
        assertThat(missing.code()).as(missing.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(missing.err()).contains("404 namespace_not_found");

        Run stale = Run.withInput(typedAfter(() -> ok("namespace", "create", "audit", "--yes"), "y\n"), admin,
                "namespace", "change", "carts", "--ttl", "5");
        assertThat(stale.code()).as(stale.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(stale.err()).contains("the namespaces changed since the plan was made (409 stale_plan: ")
                .contains("run the command again");
        assertThat(namespace("carts").getInt("ttl")).isZero();

        Run dropped = ok("namespace", "drop", "carts", "--yes");
        assertThat(dropped.out()).contains("Warning: every node removes every key of carts");
        assertThat(dropped.err()).contains("each node then removes its keys");
        String state = namespace("carts").getString("state");
        assertThat(state).isIn("dropping", "dropped");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!state.equals("dropped") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            state = namespace("carts").getString("state");
        }
        assertThat(ok("namespaces").out()).containsPattern("\ncarts\\s+dropped\\s.*\\s0\\s+8/8 partitions, 1 keys"
                + " removed\n");
        JsonObject committed = json(ok("namespace", "create", "sessions", "--role", "client", "--json", "--yes"));
        assertThat(committed.getBoolean("committed")).isTrue();
        assertThat(committed.getJsonObject("namespace").getString("role")).isEqualTo("client");
        assertThat(Run.of(admin, "namespace", "create", "carts", "--yes").err()).contains("409 namespace_conflict")
                .contains("dropped");
    }

    /** The namespace's entry in 'namespaces --json'. */
    private static JsonObject namespace(String name) {
        return json(ok("namespaces", "--json")).getJsonArray("namespaces").stream().map(JsonObject.class::cast)
                .filter(ns -> ns.getString("name").equals(name)).findFirst().orElseThrow();
    }

    /** Typed input whose reading first does something: what changes the cluster while the prompt waits. */
    private static InputStream typedAfter(Runnable meanwhile, String text) {
        return new InputStream() {
            private InputStream typed;

            @Override
            public int read() throws IOException {
                return typed().read();
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                return typed().read(bytes, offset, length);
            }

            private InputStream typed() {
                if (typed == null) {
                    meanwhile.run();
                    typed = Run.typed(text);
                }
                return typed;
            }
        };
    }

    @Test
    @Order(13)
    void aPlanOfSeveralChangesIsReviewedAndWhatTheNodeRefusesIsExitCode1() {
        Run declined = Run.withInput(Run.typed("\n"), admin, "plan", "join:ghost", "join:ghost2:3");
        assertThat(declined.code()).as(declined.toString()).isEqualTo(ExitCode.DECLINED);
        assertThat(declined.out()).startsWith("plan (from cli1): join ghost with weight 1, join ghost2 with weight 3,"
                + " ring v1 -> v2: ");
        assertThat(ringVersion()).isEqualTo(1);

        Run refused = Run.of(admin, "plan", "join:ghost", "settings:1/1/1", "--yes");
        Run unknown = Run.of(admin, "plan", "replace:cli1=ghost", "--yes");
        Run twice = Run.of(admin, "plan", "join:ghost", "join:ghost", "--yes");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(refused.err()).contains("400 invalid_request");
        assertThat(unknown.code()).as(unknown.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(unknown.out()).startsWith("plan (from cli1): replace cli1 with ghost, ring v1 -> v2: 8 partitions");
        assertThat(unknown.err()).contains("(409 join_refused: node ghost has never been heard from");
        assertThat(twice.code()).as(twice.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(twice.err()).contains("400 invalid_request");
        assertThat(List.of(declined, refused, unknown, twice)).allMatch(Run::clean);
        assertThat(ringVersion()).isEqualTo(1);
    }
}
