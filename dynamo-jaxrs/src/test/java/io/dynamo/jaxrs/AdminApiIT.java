package io.dynamo.jaxrs;

import static io.dynamo.jaxrs.ApiClient.context;
import static io.dynamo.jaxrs.ApiClient.json;
import static io.dynamo.jaxrs.ApiClient.text;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin API of the built WAR on a real Payara Micro: one node, N = R = W = 1 (see arquillian.xml). It shares
 * the data directory with {@link KvApiIT}, so keys are unique per run and the join/leave test restores the ring.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminApiIT {
    private static final String JSON = "application/json";
    private static final String SELF = "it-node";
    private static final String ADMIN = "api/v1/admin/";
    private static final Duration EVENT_WAIT = Duration.ofSeconds(5);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ApiClient.builtWar();
    }

    @ArquillianResource
    URL deployed;

    private URI root;
    private ApiClient api;
    private String key;

    @BeforeEach
    void client() {
        root = ApiClient.root(deployed);
        api = ApiClient.admin(root);
        key = "admin-it-" + UUID.randomUUID();
    }

    // --- access --------------------------------------------------------------------------------------------------

    @Test
    void withoutCredentialsTheAdminApiAnswers401InJsonWithAChallenge() {
        ApiClient anonymous = new ApiClient(root);
        for (String path : List.of("hints", "anti-entropy", "transfers", "ring/key/k", "keys/k/versions", "events")) {
            HttpResponse<byte[]> answer = anonymous.get(ADMIN + path);
            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Basic realm=\"dynamo\""));
            assertThat(json(answer).getString("error")).isEqualTo("unauthorized");
        }
        HttpResponse<byte[]> join = anonymous.post(ADMIN + "join", "{\"node\":\"intruder\"}", JSON);
        assertThat(join.statusCode()).isEqualTo(401);
        assertThat(json(join).getString("detail")).contains("admin user");
        assertThat(ok(api.get(ADMIN + "nodes")).getJsonArray("nodes")).as("nothing joined")
                .noneMatch(n -> n.asJsonObject().getString("node").equals("intruder"));
    }

    @Test
    void aWrongPasswordOrAClientUserIsRefused() {
        // Accepted credentials are remembered by the node: a wrong password and the client's role must still count.
        assertThat(api.get(ADMIN + "hints").statusCode()).isEqualTo(200);
        assertThat(ApiClient.as(root, "client", ApiClient.CLIENT_PASSWORD).get("kv/" + key).statusCode())
                .isEqualTo(404);
        HttpResponse<byte[]> wrong = ApiClient.as(root, "admin", "guess").post(ADMIN + "anti-entropy/0", "", null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).getString("detail")).contains("user 'admin' is unknown or its password is wrong");

        HttpResponse<byte[]> garbled = api.send(new ApiClient(root).request(ADMIN + "hints")
                .header("Authorization", "Basic %%%").GET());
        assertThat(garbled.statusCode()).isEqualTo(401);
        assertThat(json(garbled).getString("detail")).contains("not HTTP Basic credentials");

        HttpResponse<byte[]> client = ApiClient.as(root, "client", ApiClient.CLIENT_PASSWORD).get(ADMIN + "hints");
        assertThat(client.statusCode()).isEqualTo(403);
        assertThat(json(client).getString("error")).isEqualTo("forbidden");
        assertThat(json(client).getString("detail")).contains("role client");
    }

    @Test
    void onADefaultNodeTheKeyValueApiAndTheRoutingReadsNeedTheClientUser() {
        // arquillian.xml leaves dynamo.security.client.required unset: this node runs with the default.
        ApiClient anonymous = new ApiClient(root);
        String kv = "api/v1/kv/" + key;
        for (HttpResponse<byte[]> refused : List.of(anonymous.put(kv, "v".getBytes(UTF_8), "text/plain", null),
                anonymous.get(kv), anonymous.delete(kv, null), anonymous.get(ADMIN + "ring"),
                anonymous.get(ADMIN + "nodes"))) {
            String what = refused.request().method() + " " + refused.uri().getPath();
            assertThat(refused.statusCode()).as(what).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).as(what)
                    .hasValueSatisfying(type -> assertThat(type).startsWith(JSON));
            assertThat(refused.headers().firstValue("WWW-Authenticate")).as(what).isPresent();
            assertThat(json(refused).getString("error")).as(what).isEqualTo("unauthorized");
            assertThat(json(refused).getString("detail")).as(what).contains("requires client credentials");
        }
        assertThat(anonymous.get("../health/ready").statusCode()).as("health needs nothing").isEqualTo(200);

        ApiClient client = ApiClient.client(root);
        assertThat(client.get(kv).statusCode()).as("the refused put stored nothing").isEqualTo(404);
        assertThat(client.put(kv, "v".getBytes(UTF_8), "text/plain", null).statusCode()).isEqualTo(204);
        HttpResponse<byte[]> read = client.get(kv);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(ApiClient.text(read)).isEqualTo("v");
        assertThat(client.get(ADMIN + "ring").statusCode()).isEqualTo(200);
        assertThat(client.get(ADMIN + "nodes").statusCode()).isEqualTo(200);
    }

    // --- views ---------------------------------------------------------------------------------------------------

    @Test
    void theRingHasQOwnersAllMembers() {
        JsonObject ring = ok(api.get(ADMIN + "ring"));

        assertThat(ring.getString("answeredBy")).isEqualTo(SELF);
        assertThat(ring.getJsonNumber("version").longValue()).isPositive();
        assertThat(ring.getInt("partitions")).isEqualTo(256);
        assertThat(ring.getInt("replicas")).isEqualTo(1);
        JsonArray members = ring.getJsonArray("members");
        assertThat(members.getValuesAs(JsonObject.class)).anySatisfy(m -> {
            assertThat(m.getString("node")).isEqualTo(SELF);
            assertThat(m.getInt("weight")).isEqualTo(1);
            assertThat(m.getInt("partitions")).isPositive();
        });
        List<String> memberIds = members.getValuesAs(JsonObject.class).stream().map(m -> m.getString("node")).toList();
        assertThat(ring.getJsonArray("owners").getValuesAs(JsonString.class)).hasSize(256)
                .allSatisfy(o -> assertThat(memberIds).contains(o.getString()));
    }

    @Test
    void aKeyIsPlacedByItsMd5OnThisNode() throws Exception {
        JsonObject placement = ok(api.get(ADMIN + "ring/key/caf%C3%A9-" + key));

        byte[] digest = MessageDigest.getInstance("MD5").digest(("café-" + key).getBytes(UTF_8));
        String md5 = HexFormat.of().formatHex(digest);
        assertThat(placement.getString("key")).isEqualTo("café-" + key);
        assertThat(placement.getString("position")).isEqualTo(md5);
        assertThat(placement.getInt("partition")).isEqualTo(Integer.parseInt(md5.substring(0, 2), 16));
        JsonObject replica = placement.getJsonArray("replicas").getJsonObject(0);
        assertThat(replica.getString("node")).isEqualTo(SELF);
        assertThat(replica.getBoolean("self")).isTrue();
        assertThat(replica.getJsonObject("health").getString("reachability")).isEqualTo("UP");
        assertThat(placement.getJsonArray("fallbacks")).isEmpty();
    }

    @Test
    void theNodeListsItselfAsAJoinedMember() {
        JsonObject nodes = ok(api.get(ADMIN + "nodes"));

        assertThat(nodes.getString("answeredBy")).isEqualTo(SELF);
        JsonObject self = nodes.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .filter(n -> n.getBoolean("self")).findFirst().orElseThrow();
        assertThat(self.getString("node")).isEqualTo(SELF);
        assertThat(self.getString("status")).isEqualTo("JOINED");
        assertThat(self.getBoolean("member")).isTrue();
        assertThat(self.getInt("partitions")).isPositive();
        assertThat(self.getJsonNumber("keysStored").longValue()).as("its own count, never absent").isNotNegative();
        assertThat(self.getJsonObject("health").getString("reachability")).isEqualTo("UP");
    }

    @Test
    void theLimitsAreVisible() {
        JsonObject limits = ok(api.get(ADMIN + "limits"));
        assertThat(limits.getString("answeredBy")).isEqualTo(SELF);
        assertThat(limits.getInt("maxValueBytes")).isEqualTo(1024);
        assertThat(limits.getInt("siblingsWarn")).isEqualTo(3);
        assertThat(limits.getInt("siblingsMax")).isEqualTo(4);
        assertThat(limits.getJsonNumber("writesRefused").longValue()).isNotNegative();
        assertThat(new ApiClient(root).get(ADMIN + "limits").statusCode()).isEqualTo(401);
    }

    @Test
    void hintsTransfersAndAntiEntropyAnswerJson() {
        JsonObject hints = ok(api.get(ADMIN + "hints"));
        assertThat(hints.getString("answeredBy")).isEqualTo(SELF);
        assertThat(hints.getJsonNumber("count").longValue()).isZero();
        assertThat(hints.getJsonNumber("delivered").longValue()).isZero();
        assertThat(hints.getJsonArray("queues")).isNotNull();

        JsonObject purged = ok(api.delete(ADMIN + "hints/gone-node", null));
        assertThat(purged.getString("answeredBy")).isEqualTo(SELF);
        assertThat(purged.getString("node")).isEqualTo("gone-node");
        assertThat(purged.getJsonNumber("purged").longValue()).isZero();
        HttpResponse<byte[]> badNode = api.delete(ADMIN + "hints/no%20such:node", null);
        assertThat(badNode.statusCode()).isEqualTo(400);
        assertThat(json(badNode).getString("error")).isEqualTo("invalid_request");
        HttpResponse<byte[]> asClient = ApiClient.as(root, "client", ApiClient.CLIENT_PASSWORD)
                .delete(ADMIN + "hints/gone-node", null);
        assertThat(asClient.statusCode()).isEqualTo(403);

        JsonObject transfers = ok(api.get(ADMIN + "transfers"));
        assertThat(transfers.get("idle")).isNotNull();
        assertThat(transfers.getJsonArray("transfers")).isNotNull();

        JsonObject antiEntropy = ok(api.get(ADMIN + "anti-entropy"));
        assertThat(antiEntropy.getJsonNumber("exchanges").longValue()).isZero();
        assertThat(antiEntropy.getJsonNumber("readRepairs").longValue()).isNotNegative();
        assertThat(antiEntropy.getJsonNumber("tombstonesRemoved").longValue()).isNotNegative();
        assertThat(antiEntropy.getJsonArray("partitions")).isEmpty();
    }

    @Test
    void siblingsAreShownWithTheirDotsAndClockAndTheMergedContextResolvesThem() {
        String path = "api/v1/kv/" + key;
        assertThat(api.put(path, bytes("a"), "text/plain", null).statusCode()).isEqualTo(204);
        assertThat(api.put(path, bytes("b"), "text/plain", null).statusCode()).isEqualTo(204);

        JsonObject versions = ok(api.get(ADMIN + "keys/" + key + "/versions"));

        assertThat(versions.getString("key")).isEqualTo(key);
        JsonObject replica = versions.getJsonArray("replicas").getJsonObject(0);
        assertThat(replica.getString("node")).isEqualTo(SELF);
        assertThat(replica.getBoolean("replica")).isTrue();
        assertThat(replica.getString("relation")).isEqualTo("EQUAL");
        assertThat(replica.containsKey("error")).isFalse();
        JsonObject clock = replica.getJsonArray("clock").getJsonObject(0);
        assertThat(clock.getString("actor")).isNotBlank();
        assertThat(clock.getJsonNumber("counter").longValue()).isGreaterThanOrEqualTo(2);
        assertThat(clock.getJsonNumber("time").longValue()).isPositive();
        List<JsonObject> siblings = replica.getJsonArray("siblings").getValuesAs(JsonObject.class);
        assertThat(siblings).hasSize(2).allSatisfy(s -> {
            assertThat(s.getJsonObject("dot").getJsonNumber("counter").longValue()).isPositive();
            assertThat(s.getString("contentType")).isEqualTo("text/plain");
            assertThat(s.getBoolean("tombstone")).isFalse();
            assertThat(s.getBoolean("superseded")).isFalse();
        });
        assertThat(siblings.stream().map(s -> new String(Base64.getDecoder().decode(s.getString("value")), UTF_8)))
                .containsExactlyInAnyOrder("a", "b");

        String merged = versions.getJsonObject("merged").getString("context");
        assertThat(api.put(path, bytes("ab"), "text/plain", merged).statusCode()).isEqualTo(204);
        assertThat(text(api.get(path))).isEqualTo("ab");
    }

    @Test
    void aDeletedKeyShowsATombstoneAndAMissingKeyNothing() {
        String path = "api/v1/kv/" + key;
        api.put(path, bytes("v"), "text/plain", null);
        api.delete(path, context(api.get(path)));

        JsonObject sibling = ok(api.get(ADMIN + "keys/" + key + "/versions")).getJsonArray("replicas")
                .getJsonObject(0).getJsonArray("siblings").getJsonObject(0);
        assertThat(sibling.getBoolean("tombstone")).isTrue();
        assertThat(sibling.containsKey("value")).isFalse();

        JsonObject missing = ok(api.get(ADMIN + "keys/" + key + "-never/versions"));
        assertThat(missing.getJsonObject("merged").getJsonArray("siblings")).isEmpty();
        assertThat(missing.getJsonArray("replicas").getJsonObject(0).getJsonArray("clock")).isEmpty();
    }

    // --- events --------------------------------------------------------------------------------------------------

    @Test
    void theEventStreamStartsWithTheCurrentRingHealthAndHintsThenReportsChanges() throws Exception {
        long v = ringVersion();
        try (EventStream events = new EventStream(root.resolve(ADMIN + "events"),
                ApiClient.basic("admin", ApiClient.ADMIN_PASSWORD))) {
            assertThat(events.response().statusCode()).as("SSE needs every servlet filter on /api/* to declare"
                    + " asyncSupported = true; see the node's log").isEqualTo(200);
            assertThat(events.response().headers().firstValue("Content-Type").orElse(""))
                    .startsWith("text/event-stream");
            EventStream.Event ring = events.next(EVENT_WAIT);
            assertThat(ring).as("the first event").isNotNull();
            assertThat(ring.name()).isEqualTo("ring");
            assertThat(parse(ring.data()).getJsonNumber("version").longValue()).isEqualTo(v);
            EventStream.Event health = events.next(EVENT_WAIT);
            assertThat(health.name()).isEqualTo("health");
            assertThat(parse(health.data()).getJsonArray("nodes")).isNotEmpty();
            EventStream.Event hints = events.next(EVENT_WAIT);
            assertThat(hints.name()).isEqualTo("hints");
            assertThat(parse(hints.data()).getString("answeredBy")).isEqualTo(SELF);
            assertThat(events.next(EVENT_WAIT).name()).isEqualTo("transfers");
            EventStream.Event metrics = events.next(EVENT_WAIT);
            assertThat(metrics.name()).isEqualTo("metrics");
            JsonObject counters = parse(metrics.data());
            assertThat(counters.getString("answeredBy")).isEqualTo(SELF);
            assertThat(counters.getJsonArray("operations").getValuesAs(JsonObject.class))
                    .extracting(o -> o.getString("operation")).containsExactly("get", "put", "delete");
            EventStream.Event next = events.next(EVENT_WAIT.plusSeconds(3));
            assertThat(next).as("the counters again within 8 s, nothing having changed").isNotNull();
            assertThat(next.name()).isEqualTo("metrics");
            assertThat(parse(next.data()).getJsonNumber("atMillis").longValue())
                    .isGreaterThan(counters.getJsonNumber("atMillis").longValue());

            // Ring changes reach the stream too; with one node the ring cannot change, which ConsoleNodeIT covers
            // with a second node joining while its console listens.
        }
    }

    // --- join and leave ------------------------------------------------------------------------------------------

    @Test
    void aJoinIsPlannedButACommitForANodeNeverHeardFromOrAStaleOneIsRefusedAndTheRingStays() {
        long v = ringVersion();
        JsonObject plan = ok(api.post(ADMIN + "join", "{\"node\": \"ghost\", \"weight\": 1}", JSON));
        assertThat(plan.getString("operation")).isEqualTo("join");
        assertThat(plan.getBoolean("committed")).isFalse();
        assertThat(plan.getJsonNumber("fromVersion").longValue()).isEqualTo(v);
        assertThat(plan.getJsonNumber("toVersion").longValue()).isEqualTo(v + 1);
        assertThat(plan.getJsonArray("moves").getValuesAs(JsonObject.class)).hasSize(128)
                .allSatisfy(m -> assertThat(m.getString("to")).isEqualTo("ghost"));
        assertThat(plan.getJsonArray("counts").getValuesAs(JsonObject.class)).anySatisfy(c -> {
            assertThat(c.getString("node")).isEqualTo("ghost");
            assertThat(c.getInt("before")).isZero();
            assertThat(c.getInt("after")).isEqualTo(128);
        });
        assertThat(ringVersion()).as("a plan changes nothing").isEqualTo(v);

        assertError(api.post(ADMIN + "join/commit", "{\"node\": \"ghost\", \"weight\": 1, \"ringVersion\": " + v
                + "}", JSON), 409, "join_refused", "node ghost has never been heard from");
        assertError(api.post(ADMIN + "join/commit", "{\"node\": \"ghost2\", \"ringVersion\": " + (v + 1) + "}",
                JSON), 409, "stale_plan");
        assertError(api.post(ADMIN + "leave/commit", "{\"node\": \"" + SELF + "\", \"ringVersion\": " + v + "}",
                JSON), 400, "invalid_request", "last member");

        JsonObject ring = ok(api.get(ADMIN + "ring"));
        assertThat(ring.getJsonNumber("version").longValue()).as("the ring stays as it was").isEqualTo(v);
        assertThat(!ring.containsKey("change") || ring.isNull("change")).as("no change under way").isTrue();
        assertThat(ring.getJsonArray("owners").getValuesAs(JsonString.class))
                .allSatisfy(o -> assertThat(o.getString()).isEqualTo(SELF));
    }

    @Test
    void aReplaceIsPlannedButRefusedForANodeNeverHeardFromAndBadRemovesReplacesAndPlansAre4xx() {
        long v = ringVersion();
        JsonObject plan = ok(api.post(ADMIN + "replace", "{\"node\": \"" + SELF + "\", \"with\": \"ghost\"}", JSON));
        assertThat(plan.getString("operation")).isEqualTo("replace");
        assertThat(plan.getString("node")).isEqualTo(SELF);
        assertThat(plan.getJsonArray("moves").getValuesAs(JsonObject.class)).as("every partition")
                .hasSize(plan.getJsonArray("counts").getValuesAs(JsonObject.class).stream()
                        .filter(c -> c.getString("node").equals(SELF)).findFirst().orElseThrow().getInt("before"))
                .allSatisfy(m -> assertThat(m.getString("to")).isEqualTo("ghost"));
        assertThat(plan.getJsonArray("changes").getJsonObject(0).getString("with")).isEqualTo("ghost");
        assertError(api.post(ADMIN + "replace/commit", "{\"node\": \"" + SELF + "\", \"with\": \"ghost\","
                + " \"ringVersion\": " + v + "}", JSON), 409, "join_refused", "node ghost has never been heard from");

        assertError(api.post(ADMIN + "remove", "{\"node\": \"" + SELF + "\"}", JSON), 400, "invalid_request",
                "last member");
        assertError(api.post(ADMIN + "remove", "{\"node\": \"nobody\"}", JSON), 400, "invalid_request",
                "not a member");
        assertError(api.post(ADMIN + "replace", "{\"node\": \"nobody\", \"with\": \"x\"}", JSON), 400,
                "invalid_request", "not a member");
        assertError(api.post(ADMIN + "replace", "{\"node\": \"" + SELF + "\"}", JSON), 400, "invalid_request",
                "field 'with' is missing");
        assertError(api.post(ADMIN + "plan", "{\"changes\": [{\"op\": \"join\", \"node\": \"x\"},"
                + " {\"op\": \"leave\", \"node\": \"x\"}]}", JSON), 400, "invalid_request", "named twice");
        assertError(api.post(ADMIN + "plan", "{\"changes\": [{\"op\": \"grow\", \"node\": \"x\"}]}", JSON), 400,
                "invalid_request", "field 'changes[0].op'");
        assertError(api.post(ADMIN + "plan/commit", "{\"changes\": [{\"op\": \"join\", \"node\": \"x\"}],"
                + " \"ringVersion\": " + (v + 1) + "}", JSON), 409, "stale_plan");
        assertError(api.post(ADMIN + "remove/commit", "node=x", "text/plain"), 415, "unsupported_media_type");

        JsonObject ring = ok(api.get(ADMIN + "ring"));
        assertThat(ring.getJsonNumber("version").longValue()).as("the ring stays as it was").isEqualTo(v);
        assertThat(ring.getJsonArray("owners").getValuesAs(JsonString.class))
                .allSatisfy(o -> assertThat(o.getString()).isEqualTo(SELF));
    }

    @Test
    void settingsArePlannedAsARingChangeAndBadOnesAre4xxWithTheRingUnchanged() {
        long v = ringVersion();
        JsonObject ring = ok(api.get(ADMIN + "ring"));
        assertThat(List.of(ring.getInt("replicas"), ring.getInt("readQuorum"), ring.getInt("writeQuorum")))
                .containsExactly(1, 1, 1);
        assertError(api.post(ADMIN + "settings", "{\"n\": 2, \"r\": 1, \"w\": 1}", JSON), 400, "invalid_request",
                "N=2 needs at least 2 nodes but ring v" + (v + 1) + " would have 1");
        assertError(api.post(ADMIN + "settings", "{\"n\": 1, \"r\": 1, \"w\": 1}", JSON), 400, "invalid_request",
                "already keeps N=1 R=1 W=1");
        assertError(api.post(ADMIN + "settings", "{\"n\": 3, \"r\": 2}", JSON), 400, "invalid_request",
                "field 'w' is missing");
        assertError(api.post(ADMIN + "settings", "{\"n\": 3, \"r\": 4, \"w\": 2}", JSON), 400,
                "invalid_request", "field 'r' = 4 is invalid");
        assertError(api.post(ADMIN + "settings", "{\"n\": \"3\", \"r\": 1, \"w\": 1}", JSON), 400,
                "invalid_request", "field 'n' = \"3\"");
        assertError(api.post(ADMIN + "settings", "{\"n\": 3", JSON), 400, "invalid_request", "not valid JSON");
        assertError(api.post(ADMIN + "settings/commit", "{\"n\": 2, \"r\": 1, \"w\": 1}", JSON), 400,
                "invalid_request", "field 'ringVersion' is missing");
        assertError(api.post(ADMIN + "settings/commit", "{\"n\": 2, \"r\": 1, \"w\": 1, \"ringVersion\": "
                + (v + 1) + "}", JSON), 409, "stale_plan");
        assertError(api.post(ADMIN + "plan", "{\"changes\": [{\"op\": \"settings\", \"n\": 1, \"r\": 1,"
                + " \"w\": 1}, {\"op\": \"settings\", \"n\": 1, \"r\": 1, \"w\": 1}]}", JSON), 400,
                "invalid_request", "changes the settings twice");
        assertError(api.post(ADMIN + "settings", "n=3", "text/plain"), 415, "unsupported_media_type");
        assertThat(ringVersion()).as("the ring stays as it was").isEqualTo(v);
    }

    // --- bad input -----------------------------------------------------------------------------------------------

    @Test
    void badJoinAndLeaveBodiesAre400NamingTheField() {
        assertError(api.post(ADMIN + "join", "{\"node\": ", JSON), 400, "invalid_request", "not valid JSON");
        assertError(api.post(ADMIN + "join", "", JSON), 400, "invalid_request", "empty");
        assertError(api.post(ADMIN + "join", "[1]", JSON), 400, "invalid_request", "not an object");
        assertError(api.post(ADMIN + "join", "{}", JSON), 400, "invalid_request", "'node'");
        assertError(api.post(ADMIN + "join", "{\"node\": \"a b\"}", JSON), 400, "invalid_request", "'node'");
        assertError(api.post(ADMIN + "join", "{\"node\": \"x\", \"weight\": 0}", JSON), 400, "invalid_request",
                "'weight'");
        assertError(api.post(ADMIN + "join", "{\"node\": \"x\", \"weight\": \"2\"}", JSON), 400, "invalid_request",
                "'weight'");
        assertError(api.post(ADMIN + "join", "{\"node\": \"" + SELF + "\"}", JSON), 400, "invalid_request",
                "already a member");
        assertError(api.post(ADMIN + "join/commit", "{\"node\": \"x\"}", JSON), 400, "invalid_request",
                "'ringVersion'");
        assertError(api.post(ADMIN + "leave", "{\"node\": \"nobody\"}", JSON), 400, "invalid_request",
                "not a member");
        assertError(api.post(ADMIN + "leave", "{\"node\": \"" + SELF + "\"}", JSON), 400, "invalid_request",
                "last member");
        assertError(api.post(ADMIN + "leave/commit", "{\"node\": \"x\", \"ringVersion\": \"1\"}", JSON), 400,
                "invalid_request", "'ringVersion'");
    }

    @Test
    void aBackupIsWrittenUnderTheDirectoryGivenWithItsManifestAndBadRequestsAre4xx() throws Exception {
        Path into = Files.createTempDirectory("admin-it-backup");
        Path file = Files.writeString(into.resolve("a-file"), "x");
        assertError(api.post(ADMIN + "backup", "{\"directory\": ", JSON), 400, "invalid_request", "not valid JSON");
        assertError(api.post(ADMIN + "backup", "", JSON), 400, "invalid_request", "empty");
        assertError(api.post(ADMIN + "backup", "[\"/tmp\"]", JSON), 400, "invalid_request", "not a JSON object");
        assertError(api.post(ADMIN + "backup", "{}", JSON), 400, "invalid_request", "'directory' is missing");
        assertError(api.post(ADMIN + "backup", "{\"directory\": 7}", JSON), 400, "invalid_request", "a string");
        assertError(api.post(ADMIN + "backup", "{\"directory\": \"" + into + "\", \"zip\": true}", JSON), 400,
                "invalid_request", "field 'zip' is unknown");
        assertError(api.post(ADMIN + "backup", "{\"directory\": \"backups\"}", JSON), 400, "invalid_request",
                "is relative");
        assertError(api.post(ADMIN + "backup", "{\"directory\": \"" + into.resolve("missing") + "\"}", JSON), 400,
                "invalid_request", "not an existing directory");
        assertError(api.post(ADMIN + "backup", "{\"directory\": \"" + file + "\"}", JSON), 400,
                "invalid_request", "not an existing directory");
        assertError(api.post(ADMIN + "backup", "directory=/tmp", "text/plain"), 415, "unsupported_media_type");
        assertThat(api.put("api/v1/kv/" + key, "backed-up".getBytes(UTF_8), "text/plain", null).statusCode())
                .isEqualTo(204);

        HttpResponse<byte[]> started = api.post(ADMIN + "backup", "{\"directory\": \"" + into + "\"}", JSON);

        assertThat(started.statusCode()).as(text(started)).isEqualTo(202);
        assertThat(json(started).getString("state")).isIn("RUNNING", "DONE");
        Path dir = Path.of(json(started).getString("directory"));
        assertThat(dir.getParent()).isEqualTo(into);
        assertThat(dir.getFileName().toString()).matches(SELF + "-v1-\\d{8}T\\d{6}\\.\\d{3}Z");
        JsonObject done = null;
        for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); System.nanoTime() < end; ) {
            done = ok(api.get(ADMIN + "backup"));
            if (!"RUNNING".equals(done.getString("state"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(done.getString("state")).as(done.toString()).isEqualTo("DONE");
        assertThat(done.getString("lastDirectory")).isEqualTo(dir.toString());
        assertThat(done.getJsonNumber("bytesDone").longValue()).isEqualTo(done.getJsonNumber("bytesTotal").longValue())
                .isPositive();
        JsonObject manifest = done.getJsonObject("lastManifest");
        assertThat(manifest.getString("node")).isEqualTo(SELF);
        assertThat(manifest.getInt("partitions")).isEqualTo(256);
        assertThat(manifest.getJsonNumber("keyCount").longValue()).isPositive();
        assertThat(parse(Files.readString(dir.resolve("manifest.json")))).isEqualTo(manifest);
        List<JsonObject> files = manifest.getJsonArray("files").getValuesAs(JsonObject.class);
        assertThat(files).extracting(f -> f.getString("path")).contains("membership.bin")
                .anyMatch(p -> p.startsWith("store/")).anyMatch(p -> p.startsWith("hints/"));
        for (JsonObject f : files) {
            byte[] copied = Files.readAllBytes(dir.resolve(f.getString("path")));
            assertThat(copied).hasSize(f.getInt("size"));
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(copied)))
                    .isEqualTo(f.getString("sha256"));
        }
    }

    @Test
    void aJoinThatIsNotJsonIs415() {
        assertError(api.post(ADMIN + "join", "node=x", "text/plain"), 415, "unsupported_media_type");
        assertError(api.post(ADMIN + "leave/commit", "<node/>", "application/xml"), 415, "unsupported_media_type");
    }

    @Test
    void antiEntropyOnASingleNodeHasNoPeerAndBadPartitionsAre400() {
        assertError(api.post(ADMIN + "anti-entropy/0", "", null), 409, "exchange_not_possible", "no replica but");
        for (String bad : new String[] {"abc", "-1", "256", "99999999999", "1.5"}) {
            assertError(api.post(ADMIN + "anti-entropy/" + bad, "", null), 400, "invalid_partition", "0 to 255");
        }
    }

    @Test
    void badKeysAre400() {
        assertError(api.get(ADMIN + "ring/key/%FF"), 400, "invalid_key");
        assertError(api.get(ADMIN + "keys/%C3/versions"), 400, "invalid_key");
        assertError(api.get(ADMIN + "keys/" + "k".repeat(1025) + "/versions"), 400, "invalid_key");
    }

    @Test
    void unknownPathsAndMethodsAreJson() {
        assertError(api.get(ADMIN + "nothing-here"), 404, "not_found");
        assertError(api.get(ADMIN + "join"), 405, "method_not_allowed");
        assertError(api.post(ADMIN + "ring", "{}", JSON), 405, "method_not_allowed");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private long ringVersion() {
        return ok(api.get(ADMIN + "ring")).getJsonNumber("version").longValue();
    }

    /** Whatever failed, the shared node must not keep an absent node in its ring. */

    private static JsonObject ok(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as("status of %s, body %s", response.uri(), text(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(JSON);
        return json(response);
    }

    private static JsonObject parse(String data) {
        try (JsonReader reader = Json.createReader(new StringReader(data))) {
            return reader.readObject();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    private static void assertError(HttpResponse<byte[]> response, int status, String error) {
        assertError(response, status, error, "");
    }

    /** Every error is JSON {"error", "detail"}, never a stack trace; the detail says what was wrong. */
    private static void assertError(HttpResponse<byte[]> response, int status, String error, String detailPart) {
        String body = text(response);
        assertThat(response.statusCode()).as("status of %s, body %s", response.uri(), body).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(body).startsWith(JSON);
        JsonObject json = json(response);
        assertThat(json.getString("error")).as(body).isEqualTo(error);
        assertThat(json.getString("detail")).as(body).isNotBlank().contains(detailPart);
        assertThat(body).doesNotContain("at io.", "at java.", "at org.", "at jakarta.", "Exception:");
    }
}
