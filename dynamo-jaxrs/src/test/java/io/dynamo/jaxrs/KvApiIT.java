package io.dynamo.jaxrs;

import static io.dynamo.jaxrs.ApiClient.context;
import static io.dynamo.jaxrs.ApiClient.json;
import static io.dynamo.jaxrs.ApiClient.text;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built WAR on a real Payara Micro (one start for the class; N = R = W = 1, max value 1024 bytes, see
 * arquillian.xml), driven over HTTP like any client would, with the client user's credentials.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KvApiIT {
    private static final String JSON = "application/json";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ApiClient.builtWar();
    }

    @ArquillianResource
    URL deployed;

    private ApiClient api;
    private String prefix;

    @BeforeEach
    void client() {
        URI root = ApiClient.root(deployed);
        api = ApiClient.client(root);
        prefix = "api/v1/kv/it-" + UUID.randomUUID() + "-";
    }

    // --- plumbing: deployment, wiring and the REST layer's own checks --------------------------------------------

    @Test
    void metricsShowRequestLatenciesAndReplicationCounters() {
        assertThat(api.put(prefix + "metered", bytes("v"), null, null).statusCode()).isEqualTo(204);
        assertThat(api.get(prefix + "metered").statusCode()).isEqualTo(200);
        String metrics = text(api.get("/metrics?scope=application"));
        assertThat(metrics).contains("dynamo_put_seconds_count").contains("dynamo_get_seconds")
                .contains("quantile=\"0.99\"").contains("dynamo_hints_queued").contains("dynamo_hints_delivered")
                .contains("dynamo_antientropy_keys_repaired").contains("dynamo_keys_stored");
    }

    @Test
    void metricsCountTheSiblingsOfEachReadAndTheSizeOfEachValueWritten() {
        String before = metrics();
        assertThat(api.put(prefix + "forked", bytes("a"), null, null).statusCode()).isEqualTo(204);
        assertThat(api.put(prefix + "forked", bytes("b"), null, null).statusCode()).as("a second blind put")
                .isEqualTo(204);
        assertThat(api.get(prefix + "forked").statusCode()).isEqualTo(300);
        assertThat(api.put(prefix + "large", new byte[1000], null, null).statusCode()).isEqualTo(204);
        String after = metrics();

        assertThat(MetricsText.inBucket(after, "dynamo_read_siblings", "1", "2")
                - MetricsText.inBucket(before, "dynamo_read_siblings", "1", "2")).as("reads of two siblings")
                .isEqualTo(1);
        assertThat(MetricsText.value(after, "dynamo_read_siblings_sum")
                - MetricsText.value(before, "dynamo_read_siblings_sum")).isEqualTo(2);
        assertThat(MetricsText.inBucket(after, "dynamo_value_bytes", "128", "1024")
                - MetricsText.inBucket(before, "dynamo_value_bytes", "128", "1024")).as("values of 129 to 1024 bytes")
                .isEqualTo(1);
        assertThat(MetricsText.value(after, "dynamo_value_bytes_sum")
                - MetricsText.value(before, "dynamo_value_bytes_sum")).isEqualTo(1002);
        assertThat(MetricsText.value(after, "dynamo_value_bytes_bucket", "le=\"+Inf\""))
                .as("the last bucket counts every value").isEqualTo(MetricsText.value(after, "dynamo_value_bytes_count"))
                .isPositive();
        assertThat(after.lines()).as("a timeout count per operation, at zero on a lone node")
                .anyMatch(l -> l.startsWith("dynamo_timeouts{") && l.contains("operation=\"put\""));
        assertThat(MetricsText.value(after, "dynamo_timeouts", "operation=\"put\"")).isZero();
        assertThat(after).contains("dynamo_transfers_keys_left").contains("dynamo_antientropy_exchanges");
    }

    private String metrics() {
        return text(api.get("/metrics?scope=application"));
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        HttpResponse<byte[]> doc = api.get("/openapi");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(text(doc)).contains("/kv/{key}").contains("/admin/ring");
    }

    @Test
    void theNodeIsReady() {
        HttpResponse<byte[]> ready = api.get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(text(ready)).contains("\"dynamo-node\"").contains("\"UP\"").contains("\"it-node\"");
    }

    @Test
    void unknownPathIs404Json() {
        assertError(api.get("api/v1/nothing-here"), 404, "not_found");
    }

    @Test
    void wrongMethodIs405JsonWithAllow() {
        HttpResponse<byte[]> post = api.send(api.request(prefix + "k").POST(HttpRequest.BodyPublishers.ofString("v")));

        assertError(post, 405, "method_not_allowed");
        assertThat(post.headers().firstValue("Allow").orElse("")).contains("GET").contains("PUT").contains("DELETE");
    }

    @Test
    void emptyKeyIs400() {
        assertError(api.put("api/v1/kv/", bytes("v"), null, null), 400, "invalid_key");
        assertError(api.get("api/v1/kv"), 400, "invalid_key");
    }

    @Test
    void keyThatIsNotUtf8Is400() {
        assertError(api.get(prefix + "%FF%FE"), 400, "invalid_key");
        assertError(api.put(prefix + "%C3", bytes("v"), null, null), 400, "invalid_key");
    }

    @Test
    void quorumThatIsNotAnIntegerIs400() {
        assertError(api.get(prefix + "k?r=abc"), 400, "invalid_parameter");
        assertError(api.put(prefix + "k?w=1.5", bytes("v"), null, null), 400, "invalid_parameter");
        assertError(api.delete(prefix + "k?w=", null), 400, "invalid_parameter");
    }

    @Test
    void malformedContextIs400() {
        assertError(api.put(prefix + "k", bytes("v"), null, "not*base64!"), 400, "malformed_context");
        assertError(api.delete(prefix + "k", "%%%"), 400, "malformed_context");
    }

    @Test
    void malformedMediaTypeHeadersAre400() {
        assertError(api.put(prefix + "k", bytes("v"), "///", null), 400, "invalid_header");
        assertError(api.send(api.request(prefix + "k").header("Accept", "text/plain;q=abc").GET()), 400,
                "invalid_header");
    }

    @Test
    void oversizedValueIs413WithOrWithoutContentLength() {
        byte[] big = new byte[2000];

        assertError(api.put(prefix + "big", big, "application/octet-stream", null), 413, "value_too_large");
        assertError(api.putChunked(prefix + "big", big), 413, "value_too_large");
    }

    // --- the node behind the API ---------------------------------------------------------------------------------

    @Test
    void putThenGetRoundTripsBytesAndContentType() {
        byte[] value = {0, 1, 2, (byte) 0xFF, 'v'};

        HttpResponse<byte[]> put = api.put(prefix + "bin", value, "application/x-dynamo-test", null);
        assertThat(put.statusCode()).isEqualTo(204);
        assertThat(context(put)).isNotBlank();

        HttpResponse<byte[]> get = api.get(prefix + "bin");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(value);
        assertThat(get.headers().firstValue("Content-Type")).hasValue("application/x-dynamo-test");
        assertThat(context(get)).isNotBlank();
    }

    @Test
    void aValueWithoutContentTypeIsOctetStream() {
        assertThat(api.put(prefix + "plain", bytes("v"), null, null).statusCode()).isEqualTo(204);

        HttpResponse<byte[]> get = api.get(prefix + "plain");
        assertThat(text(get)).isEqualTo("v");
        assertThat(get.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    }

    @Test
    void utf8KeysArePercentDecoded() {
        api.put(prefix + "caf%C3%A9", bytes("accented"), "text/plain", null);

        assertThat(text(api.get(prefix + "caf%c3%a9"))).isEqualTo("accented");
    }

    @Test
    void slashesAndSemicolonsInKeysArePercentEncoded() {
        api.put(prefix + "a%2Fb%3Bc", bytes("both"), "text/plain", null);

        assertThat(text(api.get(prefix + "a%2fb%3bc"))).isEqualTo("both");
        assertError(api.get(prefix + "a"), 404, "not_found");
    }

    @Test
    void acceptJsonGivesTheJsonShapeForOneVersion() {
        api.put(prefix + "j", bytes("hello"), "text/plain", null);

        HttpResponse<byte[]> get = api.send(api.request(prefix + "j").header("Accept", JSON).GET());

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Content-Type").orElse("")).startsWith(JSON);
        JsonObject body = json(get);
        assertThat(body.getString("context")).isEqualTo(context(get));
        assertThat(body.getJsonArray("siblings")).hasSize(1);
        JsonObject sibling = body.getJsonArray("siblings").getJsonObject(0);
        assertThat(Base64.getDecoder().decode(sibling.getString("value"))).isEqualTo(bytes("hello"));
        assertThat(sibling.getString("contentType")).isEqualTo("text/plain");
    }

    @Test
    void concurrentPutsAreSiblingsUntilAPutWithTheirContext() {
        String key = prefix + "s";
        Instant before = Instant.now().minusSeconds(1);
        assertThat(api.put(key, bytes("a"), "text/plain", null).statusCode()).isEqualTo(204);
        assertThat(api.put(key, bytes("b"), "text/plain", null).statusCode()).isEqualTo(204);
        Instant after = Instant.now().plusSeconds(1);

        HttpResponse<byte[]> siblings = api.get(key);
        assertThat(siblings.statusCode()).isEqualTo(300);
        assertThat(siblings.headers().firstValue("Content-Type").orElse("")).startsWith(JSON);
        JsonObject body = json(siblings);
        assertThat(body.getString("context")).isEqualTo(context(siblings));
        List<String> values = body.getJsonArray("siblings").getValuesAs(JsonObject.class).stream()
                .map(s -> new String(Base64.getDecoder().decode(s.getString("value")), UTF_8))
                .toList();
        assertThat(values).containsExactlyInAnyOrder("a", "b");
        // Each sibling's own write time, and Last-Modified the newest of them (to the second).
        List<Instant> times = body.getJsonArray("siblings").getValuesAs(JsonObject.class).stream()
                .map(sibling -> Instant.parse(sibling.getString("lastModified"))).toList();
        assertThat(times).allSatisfy(t -> assertThat(t).isBetween(before, after));
        Instant newest = times.stream().max(Instant::compareTo).orElseThrow();
        assertThat(siblings.headers().firstValue("Last-Modified").map(h -> ZonedDateTime.parse(h,
                DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())).contains(newest.truncatedTo(ChronoUnit.SECONDS));

        assertThat(api.put(key, bytes("merged"), "text/plain", context(siblings)).statusCode()).isEqualTo(204);
        HttpResponse<byte[]> merged = api.get(key);
        assertThat(merged.statusCode()).isEqualTo(200);
        assertThat(text(merged)).isEqualTo("merged");
    }

    /** arquillian.xml sets dynamo.siblings.warn=3 and dynamo.siblings.max=4. */
    @Test
    void blindWritesPastTheSiblingLimitAre409UntilTheSiblingsAreMerged() {
        String key = prefix + "hot";
        for (int i = 0; i < 4; i++) {
            assertThat(api.put(key, bytes("v" + i), "text/plain", null).statusCode()).isEqualTo(204);
        }
        HttpResponse<byte[]> refused = api.put(key, bytes("v4"), "text/plain", null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).getString("error")).isEqualTo("too_many_siblings");
        assertThat(json(refused).getString("detail")).contains("would have 5 siblings", "dynamo.siblings.max");

        HttpResponse<byte[]> four = api.get(key);
        assertThat(json(four).getJsonArray("siblings")).as("nothing of the refused write was stored").hasSize(4);
        assertThat(api.put(key, bytes("merged"), "text/plain", context(four)).statusCode()).isEqualTo(204);
        assertThat(text(api.get(key))).isEqualTo("merged");
    }

    @Test
    void deleteWithContextThenGetIs404AndAPutRevivesTheKey() {
        String key = prefix + "d";
        api.put(key, bytes("v1"), "text/plain", null);
        HttpResponse<byte[]> read = api.get(key);

        HttpResponse<byte[]> delete = api.delete(key, context(read));
        assertThat(delete.statusCode()).isEqualTo(204);
        assertThat(context(delete)).isNotBlank();
        assertError(api.get(key), 404, "not_found");

        assertThat(api.put(key, bytes("v2"), "text/plain", context(delete)).statusCode()).isEqualTo(204);
        HttpResponse<byte[]> again = api.get(key);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(text(again)).isEqualTo("v2");
    }

    @Test
    void aPutWithATtlReads404OnceExpiredWithAContextThatARePutSupersedes() throws InterruptedException {
        String key = prefix + "ttl";
        assertThat(api.put(key + "?ttl=1", bytes("short"), "text/plain", null).statusCode()).isEqualTo(204);
        HttpResponse<byte[]> header = api.send(api.request(prefix + "ttl-header").header("X-Dynamo-TTL", "3600")
                .PUT(HttpRequest.BodyPublishers.ofString("long")));
        assertThat(header.statusCode()).isEqualTo(204);
        // The node's clock decides: wait (at most 10 s) for the expiry rather than for a fixed time.
        HttpResponse<byte[]> read = api.get(key);
        for (long deadline = System.nanoTime() + 10_000_000_000L; read.statusCode() == 200
                && System.nanoTime() < deadline; read = api.get(key)) {
            Thread.sleep(100);
        }
        assertError(read, 404, "not_found");
        assertThat(context(read)).isNotBlank();
        assertThat(text(api.get(prefix + "ttl-header"))).isEqualTo("long");

        assertThat(api.put(key, bytes("again"), "text/plain", context(read)).statusCode()).isEqualTo(204);
        HttpResponse<byte[]> again = api.get(key);
        assertThat(again.statusCode()).as("one version, the expired one superseded").isEqualTo(200);
        assertThat(text(again)).isEqualTo("again");
    }

    @Test
    void aTtlThatIsNotWholeSecondsFromOneToTenYearsIs400AndStoresNothing() {
        String key = prefix + "bad-ttl";
        for (String bad : new String[] {"0", "-5", "1.5", "abc", "315360001", "99999999999999999999"}) {
            assertError(api.put(key + "?ttl=" + bad, bytes("v"), "text/plain", null), 400, "invalid_parameter");
            assertError(api.send(api.request(key).header("X-Dynamo-TTL", bad)
                    .PUT(HttpRequest.BodyPublishers.ofString("v"))), 400, "invalid_parameter");
        }
        assertError(api.send(api.request(key + "?ttl=60").header("X-Dynamo-TTL", "61")
                .PUT(HttpRequest.BodyPublishers.ofString("v"))), 400, "invalid_parameter");
        assertError(api.get(key), 404, "not_found");
        assertThat(context(api.get(key))).as("nothing was ever stored").isNullOrEmpty();
    }

    @Test
    void missingKeyIs404Json() {
        assertError(api.get(prefix + "never-written"), 404, "not_found");
    }

    @Test
    void oversizedKeyIs400() {
        char[] key = new char[1025];
        Arrays.fill(key, 'k');

        assertError(api.put(prefix + new String(key), bytes("v"), null, null), 400, "invalid_key");
    }

    @Test
    void aValueAtTheLimitIsAccepted() {
        assertThat(api.put(prefix + "max", new byte[1024], null, null).statusCode()).isEqualTo(204);
    }

    @Test
    void quorumOutside1ToNIs400() {
        assertError(api.get(prefix + "k?r=0"), 400, "invalid_quorum");
        assertError(api.get(prefix + "k?r=5"), 400, "invalid_quorum");
        assertError(api.put(prefix + "k?w=2", bytes("v"), null, null), 400, "invalid_quorum");
    }

    @Test
    void dwIsANumberFrom1ToWOrA400() {
        assertError(api.put(prefix + "k?dw=always", bytes("v"), null, null), 400, "invalid_parameter");
        assertError(api.delete(prefix + "k?dw=1.5", null), 400, "invalid_parameter");
        assertError(api.put(prefix + "k?dw=0", bytes("v"), null, null), 400, "invalid_quorum");
        assertError(api.put(prefix + "k?dw=2", bytes("v"), null, null), 400, "invalid_quorum");
        assertError(api.delete(prefix + "k?dw=2", null), 400, "invalid_quorum");
        assertThat(api.put(prefix + "synced?dw=1", bytes("v"), null, null).statusCode()).isEqualTo(204);
        assertThat(api.delete(prefix + "synced?dw=1", null).statusCode()).isEqualTo(204);
    }

    // --- conditional writes -------------------------------------------------------------------------------------

    @Test
    void readsAndWritesCarryAStrongEtagOfTheirContextAndReadsALastModified() {
        String key = prefix + "tagged";
        long before = System.currentTimeMillis() / 1000 * 1000;
        HttpResponse<byte[]> put = api.put(key, bytes("v"), "text/plain", null);
        HttpResponse<byte[]> read = api.get(key);
        assertThat(etag(read)).matches("\"[A-Za-z0-9_-]{22}\"").isEqualTo(etag(put));
        assertThat(etag(api.send(api.request(key).header("Accept", JSON).GET())))
                .as("the tag names the version, whatever its representation").isEqualTo(etag(read));
        long modified = ZonedDateTime.parse(read.headers().firstValue("Last-Modified").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        assertThat(modified).isBetween(before, System.currentTimeMillis());

        HttpResponse<byte[]> deleted = api.delete(key, context(read));
        HttpResponse<byte[]> gone = api.get(key);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(etag(gone)).isEqualTo(etag(deleted)).isNotEqualTo(etag(read));
        assertThat(api.get(prefix + "never").headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void theLostUpdateRaceThroughOneNodeEndsWithOne204AndOne412() throws Exception {
        String key = prefix + "counter";
        api.put(key, bytes("0"), "text/plain", null);
        String first = etag(api.get(key));
        String second = etag(api.get(key));
        assertThat(second).isEqualTo(first);

        List<HttpResponse<byte[]>> answers = race(
                () -> api.send(ifMatch(api.request(key), first).PUT(HttpRequest.BodyPublishers.ofString("a"))),
                () -> api.send(ifMatch(api.request(key), second).PUT(HttpRequest.BodyPublishers.ofString("b"))));
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 412);
        HttpResponse<byte[]> refused = answers.stream().filter(r -> r.statusCode() == 412).findFirst().orElseThrow();
        assertError(refused, 412, "precondition_failed");
        String winner = answers.get(0).statusCode() == 204 ? "a" : "b";
        assertThat(text(api.get(key))).as("one value, the winner's: no sibling").isEqualTo(winner);
    }

    @Test
    void ifNoneMatchStarCreatesTheKeyOnceAmongRacingWriters() throws Exception {
        String key = prefix + "once";
        List<HttpResponse<byte[]>> answers = race(() -> putIfAbsent(key, "a"), () -> putIfAbsent(key, "b"),
                () -> putIfAbsent(key, "c"));
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 412, 412);
        assertThat(api.get(key).statusCode()).as("one version, not siblings").isEqualTo(200);
    }

    @Test
    void aStaleIfMatchDeleteIs412AndAMatchingOneDeletes() {
        String key = prefix + "guarded";
        api.put(key, bytes("v1"), "text/plain", null);
        String v1 = etag(api.get(key));
        api.put(key, bytes("v2"), "text/plain", context(api.get(key)));
        assertError(api.send(ifMatch(api.request(key), v1).DELETE()), 412, "precondition_failed");
        HttpResponse<byte[]> current = api.get(key);
        assertThat(text(current)).isEqualTo("v2");
        assertThat(api.send(ifMatch(api.request(key), etag(current)).DELETE()).statusCode()).isEqualTo(204);
        assertThat(api.get(key).statusCode()).isEqualTo(404);
    }

    @Test
    void malformedEtagsAre400AndChangeNothing() {
        String key = prefix + "strict";
        api.put(key, bytes("v"), "text/plain", null);
        String tag = etag(api.get(key));
        for (String bad : List.of("W/" + tag, tag.substring(1), "\"nope\"", "*, " + tag)) {
            assertError(api.send(ifMatch(api.request(key), bad).PUT(HttpRequest.BodyPublishers.ofString("x"))), 400,
                    "malformed_etag");
            assertError(api.send(api.request(key).header("If-None-Match", bad).DELETE()), 400, "malformed_etag");
        }
        assertThat(text(api.get(key))).isEqualTo("v");
        assertThat(etag(api.get(key))).isEqualTo(tag);
    }

    // --- batches --------------------------------------------------------------------------------------------------

    @Test
    void aBatchReadAnswersFoundMissingDeletedAndSiblingKeysInOrderAsSingleReadsWould() {
        api.put(prefix + "one", bytes("v1"), "text/plain", null);
        api.put(prefix + "two", bytes("a"), "text/plain", null);
        api.put(prefix + "two", bytes("b"), "text/plain", null);
        api.put(prefix + "gone", bytes("v"), "text/plain", null);
        HttpResponse<byte[]> deleted = api.delete(prefix + "gone", context(api.get(prefix + "gone")));

        HttpResponse<byte[]> batch = api.post("api/v1/kv/_mget?r=1", "{\"keys\": [\"" + name("two") + "\", \""
                + name("never") + "\", \"" + name("one") + "\", \"" + name("gone") + "\"]}", JSON);

        assertThat(batch.statusCode()).as(text(batch)).isEqualTo(200);
        assertThat(batch.headers().firstValue("Content-Type").orElse("")).startsWith(JSON);
        List<JsonObject> results = json(batch).getJsonArray("results").getValuesAs(JsonObject.class);
        assertThat(results).extracting(r -> r.getString("key"))
                .containsExactly(name("two"), name("never"), name("one"), name("gone"));
        assertThat(results).extracting(r -> r.getInt("status")).containsExactly(300, 404, 200, 404);
        JsonObject two = results.get(0);
        assertThat(two.getJsonArray("siblings").getValuesAs(JsonObject.class))
                .extracting(v -> new String(Base64.getDecoder().decode(v.getString("value")), UTF_8))
                .containsExactlyInAnyOrder("a", "b");
        assertThat(two.getString("context")).isEqualTo(context(api.get(prefix + "two")));
        assertThat(results.get(1).getJsonObject("error").getString("error")).isEqualTo("not_found");
        assertThat(results.get(1).containsKey("context")).as("never written: no context").isFalse();
        JsonObject one = results.get(2);
        assertThat(one.getString("etag")).isEqualTo(etag(api.get(prefix + "one")));
        assertThat(one.getJsonArray("siblings").getJsonObject(0).getString("contentType")).isEqualTo("text/plain");
        assertThat(results.get(3).getString("context")).as("a deleted key's tombstones").isEqualTo(context(deleted));
        assertThat(api.get("api/v1/kv/_mget").statusCode()).as("_mget is still a key for GET").isEqualTo(404);
    }

    @Test
    void aBatchWritePutsAndDeletesEachItemAndAnswersTheirContexts() {
        api.put(prefix + "old", bytes("old"), "text/plain", null);
        api.put(prefix + "doomed", bytes("x"), "text/plain", null);
        String oldContext = context(api.get(prefix + "old"));
        String doomedContext = context(api.get(prefix + "doomed"));

        HttpResponse<byte[]> batch = api.post("api/v1/kv/_mput?w=1&dw=1", "{\"items\": ["
                + "{\"key\": \"" + name("new") + "\", \"value\": \"" + base64("fresh") + "\","
                + " \"contentType\": \"text/x-a\"},"
                + "{\"key\": \"" + name("old") + "\", \"value\": \"" + base64("newer") + "\","
                + " \"context\": \"" + oldContext + "\"},"
                + "{\"key\": \"" + name("doomed") + "\", \"delete\": true, \"context\": \"" + doomedContext
                + "\"}]}", JSON);

        assertThat(batch.statusCode()).as(text(batch)).isEqualTo(200);
        List<JsonObject> results = json(batch).getJsonArray("results").getValuesAs(JsonObject.class);
        assertThat(results).extracting(r -> r.getInt("status")).containsExactly(204, 204, 204);
        HttpResponse<byte[]> fresh = api.get(prefix + "new");
        assertThat(text(fresh)).isEqualTo("fresh");
        assertThat(fresh.headers().firstValue("Content-Type")).hasValue("text/x-a");
        assertThat(results.get(0).getString("context")).isEqualTo(context(fresh));
        assertThat(results.get(0).getString("etag")).isEqualTo(etag(fresh));
        HttpResponse<byte[]> old = api.get(prefix + "old");
        assertThat(old.statusCode()).as("the context superseded the old value").isEqualTo(200);
        assertThat(text(old)).isEqualTo("newer");
        assertError(api.get(prefix + "doomed"), 404, "not_found");
    }

    @Test
    void badBatchesAre4xxJsonAndStoreNothing() {
        String good = "{\"key\": \"" + name("kept-out") + "\", \"value\": \"" + base64("v") + "\"}";
        String hundredAndOne = java.util.stream.IntStream.range(0, 101)
                .mapToObj(i -> "{\"key\": \"" + name("many-" + i) + "\", \"value\": \"\"}")
                .collect(java.util.stream.Collectors.joining(","));
        String[][] refused = {
            {"", "400", "invalid_batch"},
            {"{\"items\": [" + good + ",", "400", "invalid_batch"},
            {"[" + good + "]", "400", "invalid_batch"},
            {"{\"items\": []}", "400", "invalid_batch"},
            {"{\"items\": [" + good + ", 7]}", "400", "invalid_batch"},
            {"{\"items\": [" + good + ", {\"key\": 1, \"value\": \"\"}]}", "400", "invalid_batch"},
            {"{\"items\": [" + good + ", {\"key\": \"b64\", \"value\": \"%%%\"}]}", "400", "invalid_batch"},
            {"{\"items\": [" + good + ", " + good + "]}", "400", "invalid_batch"},
            {"{\"items\": [" + good + ", {\"key\": \"" + "k".repeat(1025) + "\", \"value\": \"\"}]}", "400",
                "invalid_key"},
            {"{\"items\": [" + good + ", {\"key\": \"\", \"value\": \"\"}]}", "400", "invalid_key"},
            {"{\"items\": [" + good + ", {\"key\": \"c\", \"value\": \"\", \"context\": \"not*base64\"}]}", "400",
                "malformed_context"},
            {"{\"items\": [" + good + ", {\"key\": \"big\", \"value\": \"" + Base64.getEncoder().encodeToString(
                new byte[1025]) + "\"}]}", "413", "value_too_large"},
            {"{\"items\": [" + good + "," + hundredAndOne + "]}", "413", "batch_too_large"},
            {"{\"items\": [" + good + "], \"padding\": \"" + "p".repeat(1_100_000) + "\"}", "413", "batch_too_large"}};
        for (String[] bad : refused) {
            HttpResponse<byte[]> answer = api.post("api/v1/kv/_mput", bad[0], JSON);
            assertError(answer, Integer.parseInt(bad[1]), bad[2]);
        }
        assertError(api.post("api/v1/kv/_mput?w=2", "{\"items\": [" + good + "]}", JSON), 400, "invalid_quorum");
        assertError(api.post("api/v1/kv/_mput?dw=x", "{\"items\": [" + good + "]}", JSON), 400, "invalid_parameter");
        assertError(api.post("api/v1/kv/_mget?r=2", "{\"keys\": [\"" + name("kept-out") + "\"]}", JSON), 400,
                "invalid_quorum");
        assertError(api.post("api/v1/ns/nope/kv/_mput", "{\"items\": [" + good + "]}", JSON), 404,
                "namespace_not_found");
        assertError(api.post("api/v1/ns/No!/kv/_mget", "{\"keys\": [\"k\"]}", JSON), 400, "invalid_namespace");
        HttpResponse<byte[]> anonymous = api.send(HttpRequest.newBuilder(api.request("api/v1/kv/_mput").build().uri())
                .POST(HttpRequest.BodyPublishers.ofString("{\"items\": [" + good + "]}")));
        assertThat(anonymous.statusCode()).as("no credentials").isEqualTo(401);
        assertError(api.get(prefix + "kept-out"), 404, "not_found");
        assertError(api.get(prefix + "many-0"), 404, "not_found");
    }

    // --- listing ------------------------------------------------------------------------------------------------

    @Test
    void listingPagesThroughEveryLiveKeyOnceAsJsonAndAsNdjson() {
        String mine = name("");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            assertThat(api.put(prefix + "l" + i, bytes("v"), "text/plain", null).statusCode()).isEqualTo(204);
            expected.add(mine + "l" + i);
        }
        api.put(prefix + "l%209%2B", bytes("spaces and a plus"), "text/plain", null);
        expected.add(mine + "l 9+");
        assertThat(api.delete(prefix + "l3", context(api.get(prefix + "l3"))).statusCode()).isEqualTo(204);
        expected.remove(mine + "l3");

        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<byte[]> page = api.get("api/v1/keys?limit=7&prefix=" + encoded(mine)
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.statusCode()).as(text(page)).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith(JSON);
            JsonObject body = json(page);
            List<String> keys = body.getJsonArray("keys").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList();
            assertThat(keys).hasSizeLessThanOrEqualTo(7);
            listed.addAll(keys);
            cursor = body.containsKey("nextCursor") && !body.isNull("nextCursor") ? body.getString("nextCursor")
                    : null;
            assertThat(++pages).isLessThan(100);
        } while (cursor != null);
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(pages).isGreaterThanOrEqualTo(4);

        // The default namespace is also ns/default; NDJSON: a line per key, and the cursor's line last.
        HttpResponse<byte[]> lines = api.send(api.request("api/v1/ns/default/keys?limit=1000&prefix=" + encoded(mine))
                .header("Accept", "application/x-ndjson").GET());
        assertThat(lines.statusCode()).as(text(lines)).isEqualTo(200);
        assertThat(lines.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        List<JsonObject> objects = text(lines).lines().map(l -> jakarta.json.Json.createReader(
                new java.io.StringReader(l)).readObject()).toList();
        assertThat(objects.subList(0, objects.size() - 1)).extracting(o -> o.getString("key"))
                .containsExactlyInAnyOrderElementsOf(expected);
        JsonObject last = objects.get(objects.size() - 1);
        assertThat(last.containsKey("nextCursor")).as(last.toString()).isTrue();
    }

    @Test
    void badListingRequestsAre4xxJson() {
        String other = json(api.get("api/v1/keys?limit=1&prefix=" + encoded(name("")))).getString("nextCursor",
                null);
        api.put(prefix + "c1", bytes("v"), null, null);
        api.put(prefix + "c2", bytes("v"), null, null);
        String real = json(api.get("api/v1/keys?limit=1&prefix=" + encoded(name("c")))).getString("nextCursor");
        String[][] refused = {
            {"api/v1/keys?limit=0", "400", "invalid_parameter"},
            {"api/v1/keys?limit=1001", "400", "invalid_parameter"},
            {"api/v1/keys?limit=x", "400", "invalid_parameter"},
            {"api/v1/keys?limit=", "400", "invalid_parameter"},
            {"api/v1/keys?limit=99999999999", "400", "invalid_parameter"},
            {"api/v1/keys?cursor=garbage!", "400", "invalid_cursor"},
            {"api/v1/keys?cursor=AAAA", "400", "invalid_cursor"},
            {"api/v1/keys?cursor=" + real.substring(0, real.length() - 4) + "&prefix=" + encoded(name("c")), "400",
                "invalid_cursor"},
            {"api/v1/keys?cursor=" + real, "400", "invalid_cursor"},
            {"api/v1/keys?cursor=" + real + "&prefix=" + encoded(name("d")), "400", "invalid_cursor"},
            {"api/v1/ns/default/keys?cursor=" + real + "&prefix=" + encoded(name("c")) + "x", "400",
                "invalid_cursor"},
            {"api/v1/keys?prefix=" + "p".repeat(1025), "400", "invalid_key"},
            {"api/v1/ns/nope/keys", "404", "namespace_not_found"},
            {"api/v1/ns/No!/keys", "400", "invalid_namespace"}};
        for (String[] bad : refused) {
            assertError(api.get(bad[0]), Integer.parseInt(bad[1]), bad[2]);
        }
        assertThat(other).as("a cursor after the first key, or none when it was the only one").satisfiesAnyOf(
                c -> assertThat(c).isNull(), c -> assertThat(c).matches("[A-Za-z0-9_-]+"));
        assertThat(api.get("api/v1/keys?prefix=" + "p".repeat(1024)).statusCode()).as("as long as a key may be")
                .isEqualTo(200);
        assertError(api.send(api.request("api/v1/keys").header("Accept", "text/plain").GET()), 406,
                "not_acceptable");
        HttpResponse<byte[]> anonymous = api.send(HttpRequest.newBuilder(api.request("api/v1/keys").build().uri())
                .GET());
        assertThat(anonymous.statusCode()).as("no credentials").isEqualTo(401);
        assertThat(json(api.get("api/v1/keys?cursor=" + real + "&prefix=" + encoded(name("c")))).getJsonArray(
                "keys")).as("the real cursor with its own prefix goes on").hasSize(1);
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, UTF_8);
    }

    /** A key's name in a batch: plain, not percent-encoded. */
    private String name(String suffix) {
        return prefix.substring("api/v1/kv/".length()) + suffix;
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(bytes(s));
    }

    private HttpResponse<byte[]> putIfAbsent(String key, String value) {
        return api.send(api.request(key).header("If-None-Match", "*").PUT(HttpRequest.BodyPublishers.ofString(value)));
    }

    private static HttpRequest.Builder ifMatch(HttpRequest.Builder request, String etag) {
        return request.header("If-Match", etag);
    }

    private static String etag(HttpResponse<byte[]> response) {
        return response.headers().firstValue("ETag").orElse(null);
    }

    /** Sends the requests at once, each on its own thread, and answers in the order given. */
    @SafeVarargs
    private static List<HttpResponse<byte[]>> race(Callable<HttpResponse<byte[]>>... requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests.length);
        try {
            CyclicBarrier start = new CyclicBarrier(requests.length);
            List<Future<HttpResponse<byte[]>>> sent = new ArrayList<>();
            for (Callable<HttpResponse<byte[]>> r : requests) {
                sent.add(threads.submit(() -> {
                    start.await();
                    return r.call();
                }));
            }
            List<HttpResponse<byte[]>> answers = new ArrayList<>();
            for (Future<HttpResponse<byte[]>> f : sent) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    /** Every error is JSON {"error", "detail"} and never shows a stack trace. */
    private static void assertError(HttpResponse<byte[]> response, int status, String error) {
        String body = text(response);
        assertThat(response.statusCode()).as("status of %s, body %s", response.uri(), body).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(body).startsWith(JSON);
        JsonObject json = json(response);
        assertThat(json.getString("error")).as(body).isEqualTo(error);
        assertThat(json.get("detail")).as(body).isInstanceOf(JsonString.class);
        assertThat(json.getString("detail")).as(body).isNotBlank();
        assertThat(body).doesNotContain("at io.", "at java.", "at org.", "at jakarta.", "Exception:");
    }
}
