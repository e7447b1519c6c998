package io.dynamo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.api.KeysBody;
import io.dynamo.api.SiblingBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What goes on the wire for each call, and how each kind of answer maps onto the client's types. */
class DynamoClientAnswersTest {
    private static final String TAG = "\"AAAAAAAAAAAAAAAAAAAAAA\"";
    private final OneFakeNode one = new OneFakeNode();
    private final FakeCluster cluster = one.cluster;
    private final FakeNode node = one.node;
    private final DynamoClient client = one.client;

    @AfterEach
    void close() {
        one.close();
    }

    private List<FakeNode.Received> kvRequests() {
        return one.kvRequests();
    }

    private FakeNode.Received lastKv() {
        return one.lastKv();
    }

    @Test
    void aGetReadsOneVersionAsItsRawBytes() {
        node.kv(r -> new FakeNode.Reply(200, "text/plain", "hello".getBytes(StandardCharsets.UTF_8),
                Map.of("X-Dynamo-Context", "ctx1")));
        Versions v = client.get("greeting", ReadOptions.quorum(2));
        assertThat(v.found()).isTrue();
        assertThat(v.context()).isEqualTo("ctx1");
        assertThat(v.hasSiblings()).isFalse();
        assertThat(v.value()).hasValueSatisfying(s -> {
            assertThat(s.asString()).isEqualTo("hello");
            assertThat(s.contentType()).isEqualTo("text/plain");
        });
        FakeNode.Received request = lastKv();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo(FakeNode.API + "kv/greeting");
        assertThat(request.rawQuery()).isEqualTo("r=2");
        assertThat(request.header("Accept")).isEqualTo("*/*");
    }

    @Test
    void oneStoredJsonDocumentIsItsBytesNotTheSiblingsShape() {
        node.kv(r -> new FakeNode.Reply(200, "application/json", "{\"siblings\":[]}".getBytes(StandardCharsets.UTF_8),
                Map.of("X-Dynamo-Context", "ctx-doc")));
        Versions v = client.get("doc");
        assertThat(v.value()).hasValue(new Sibling("{\"siblings\":[]}".getBytes(StandardCharsets.UTF_8),
                "application/json"));
        assertThat(v.context()).isEqualTo("ctx-doc");
    }

    @Test
    void siblingsArriveAsOneVersionsWithTheirBytesAndTypes() {
        byte[] binary = {0, (byte) 0xff, 10, 13};
        node.kv(r -> FakeCluster.versions(300, "ctx-siblings",
                new SiblingBody(FakeCluster.base64("a"), "text/plain", "2026-11-30T00:53:20.123Z"),
                new SiblingBody(java.util.Base64.getEncoder().encodeToString(binary), "application/octet-stream",
                        null),
                new SiblingBody(FakeCluster.base64("{\"x\":1}"), "application/json", null)));
        Versions v = client.get("k");
        assertThat(v.siblings()).extracting(Sibling::lastModified).as("a time where the node gave one")
                .containsExactly(java.time.Instant.parse("2026-11-30T00:53:20.123Z"), null, null);
        assertThat(v.found()).isTrue();
        assertThat(v.hasSiblings()).isTrue();
        assertThat(v.context()).isEqualTo("ctx-siblings");
        assertThat(v.siblings()).containsExactly(new Sibling("a".getBytes(StandardCharsets.UTF_8), "text/plain"),
                new Sibling(binary, "application/octet-stream"),
                new Sibling("{\"x\":1}".getBytes(StandardCharsets.UTF_8), "application/json"));
        assertThatThrownBy(v::value).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSiblingTimeThatIsNoInstantIsAnInvalidAnswer() {
        node.kv(r -> FakeCluster.versions(300, "ctx", new SiblingBody(FakeCluster.base64("a"), "text/plain",
                "yesterday"), new SiblingBody(FakeCluster.base64("b"), "text/plain", null)));
        assertThatThrownBy(() -> client.get("k")).isInstanceOfSatisfying(DynamoClientException.class,
                e -> assertThat(e.getMessage()).contains("could not be read"));
    }

    @Test
    void aMissingKeyIsNotFoundAndKeepsTheContextOfADelete() {
        node.kv(r -> new FakeNode.Reply(404, "application/json",
                "{\"error\":\"not_found\",\"detail\":\"no value\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("X-Dynamo-Context", "tombstone-ctx")));
        Versions deleted = client.get("gone");
        assertThat(deleted.found()).isFalse();
        assertThat(deleted.siblings()).isEmpty();
        assertThat(deleted.context()).isEqualTo("tombstone-ctx");
        assertThat(deleted.value()).isEmpty();

        node.kv(r -> FakeCluster.error(404, "not_found", "no value"));
        Versions never = client.get("never");
        assertThat(never.found()).isFalse();
        assertThat(never.context()).isNull();
    }

    @Test
    void aNotFoundThatIsNotTheApisIsAnError() {
        node.kv(r -> new FakeNode.Reply(404, "text/html", "<h1>Not Found</h1>".getBytes(StandardCharsets.UTF_8),
                Map.of()));
        assertThatThrownBy(() -> client.get("k")).isInstanceOfSatisfying(DynamoClientException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.error()).isNull();
            assertThat(e.detail()).contains("Not Found");
        });
    }

    @Test
    void errorAnswersCarryStatusCodeDetailAndNode() {
        node.kv(r -> FakeCluster.error(400, "invalid_quorum", "r = 5 is outside 1..3"));
        assertThatThrownBy(() -> client.get("k", ReadOptions.quorum(5)))
                .isInstanceOfSatisfying(DynamoClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error()).isEqualTo("invalid_quorum");
                    assertThat(e.detail()).isEqualTo("r = 5 is outside 1..3");
                    assertThat(e.node()).isEqualTo(node.base());
                    assertThat(e.triedNodes()).containsExactly(node.base());
                    assertThat(e.getMessage()).contains("400", "invalid_quorum", "outside 1..3", node.base().toString());
                });
        node.kv(r -> FakeCluster.error(413, "value_too_large", "too big"));
        assertThatThrownBy(() -> client.put("k", null, new byte[10], null))
                .isInstanceOfSatisfying(DynamoClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.error()).isEqualTo("value_too_large");
                });
        node.kv(r -> new FakeNode.Reply(502, "text/plain", "bad gateway".getBytes(StandardCharsets.UTF_8), Map.of()));
        assertThatThrownBy(() -> client.delete("k", "c")).isInstanceOfSatisfying(DynamoClientException.class, e -> {
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.error()).isNull();
            assertThat(e.detail()).isEqualTo("bad gateway");
        });
    }

    @Test
    void aPutSendsBytesTypeContextAndWAndReturnsTheNewContext() {
        byte[] value = {1, 2, 3, 0, (byte) 0x80};
        String context = client.put("k", "read-ctx", value, "image/png", WriteOptions.quorum(1));
        assertThat(context).isEqualTo("written-by-only");
        FakeNode.Received put = lastKv();
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.rawQuery()).isEqualTo("w=1");
        assertThat(put.body()).isEqualTo(value);
        assertThat(put.header("Content-Type")).isEqualTo("image/png");
        assertThat(put.header("X-Dynamo-Context")).isEqualTo("read-ctx");

        client.put("k", null, new byte[0], null);
        FakeNode.Received blind = lastKv();
        assertThat(blind.header("X-Dynamo-Context")).isNull();
        assertThat(blind.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(blind.body()).isEmpty();
        assertThat(blind.rawQuery()).isNull();
    }

    @Test
    void aDeleteSendsTheContextAndReturnsTheTombstonesContext() {
        assertThat(client.delete("k", "read-ctx", WriteOptions.quorum(3))).isEqualTo("written-by-only");
        FakeNode.Received delete = lastKv();
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.header("X-Dynamo-Context")).isEqualTo("read-ctx");
        assertThat(delete.rawQuery()).isEqualTo("w=3");
        client.delete("k", "read-ctx", WriteOptions.defaults().synced(1));
        assertThat(lastKv().rawQuery()).isEqualTo("dw=1");
        client.put("k", null, new byte[0], null, WriteOptions.quorum(2).synced(2));
        assertThat(lastKv().rawQuery()).isEqualTo("w=2&dw=2");
        assertThat(delete.body()).isEmpty();
    }

    @Test
    void aWriteAnswerWithoutAContextIsAnInvalidResponse() {
        node.kv(r -> FakeNode.Reply.empty(204, Map.of()));
        assertThatThrownBy(() -> client.put("k", null, new byte[1], null))
                .isInstanceOfSatisfying(DynamoClientException.class,
                        e -> assertThat(e.error()).isEqualTo(DynamoClientException.INVALID_RESPONSE));
    }

    @Test
    void keysArePercentEncodedOnTheWire() {
        client.get("a/b;c d+é%?#");
        assertThat(lastKv().rawPath()).isEqualTo(FakeNode.API + "kv/a%2Fb%3Bc%20d%2B%C3%A9%25%3F%23");
        client.put("{template}", null, new byte[1], null);
        assertThat(lastKv().rawPath()).isEqualTo(FakeNode.API + "kv/%7Btemplate%7D");
        client.delete("..", null);
        assertThat(lastKv().rawPath()).isEqualTo(FakeNode.API + "kv/%2E%2E");
    }

    @Test
    void resolveMergesThreeSiblingsIntoOneVersionWrittenWithTheReadsContext() {
        node.kv(r -> r.method().equals("GET")
                ? FakeCluster.versions(300, "ctx-of-the-read",
                        new SiblingBody(FakeCluster.base64("b"), "text/plain", null),
                        new SiblingBody(FakeCluster.base64("a"), "text/plain", null),
                        new SiblingBody(FakeCluster.base64("c"), "text/plain", null))
                : FakeNode.Reply.empty(204, Map.of("X-Dynamo-Context", "ctx-of-the-merge")));
        List<List<Sibling>> seen = new ArrayList<>();
        Function<List<Sibling>, Sibling> union = siblings -> {
            seen.add(siblings);
            return new Sibling(String.join(",", siblings.stream().map(Sibling::asString).sorted().toList())
                    .getBytes(StandardCharsets.UTF_8), "text/plain");
        };

        Versions resolved = client.resolve("cart", union);

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).hasSize(3);
        List<FakeNode.Received> puts = cluster.received(r -> r.isKv() && r.method().equals("PUT"));
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).bodyText()).isEqualTo("a,b,c");
        assertThat(puts.get(0).header("X-Dynamo-Context")).isEqualTo("ctx-of-the-read");
        assertThat(puts.get(0).header("Content-Type")).isEqualTo("text/plain");
        assertThat(puts.get(0).rawPath()).isEqualTo(FakeNode.API + "kv/cart");
        assertThat(resolved.found()).isTrue();
        assertThat(resolved.context()).isEqualTo("ctx-of-the-merge");
        assertThat(resolved.siblings()).extracting(Sibling::asString).containsExactly("a,b,c");
    }

    @Test
    void resolveWritesNothingWhenThereIsNothingToMerge() {
        Function<List<Sibling>, Sibling> pickFirst = siblings -> siblings.stream()
                .min(Comparator.comparing(Sibling::asString)).orElseThrow();
        Versions one = client.resolve("k", pickFirst);
        assertThat(one.value().orElseThrow().asString()).isEqualTo("from only");
        node.kv(r -> FakeCluster.error(404, "not_found", "none"));
        assertThat(client.resolve("k", pickFirst).found()).isFalse();
        assertThat(cluster.received(r -> r.isKv() && r.method().equals("PUT"))).isEmpty();
    }

    @Test
    void quorumsMustBeAtLeastOne() {
        assertThatThrownBy(() -> ReadOptions.quorum(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r = 0");
        assertThatThrownBy(() -> WriteOptions.quorum(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("w = -1");
        assertThatThrownBy(() -> WriteOptions.defaults().synced(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dw = 0");
        assertThat(ReadOptions.defaults().r()).isEmpty();
    }

    @Test
    void requestFiltersRunOnKeyValueAndAdminRequests() {
        try (DynamoClient withCredentials = DynamoClient.builder().seed(node.base())
                .requestFilter(request -> request.getHeaders().putSingle("Authorization", "Bearer t0k3n"))
                .build()) {
            withCredentials.get("k");
        }
        List<FakeNode.Received> all = cluster.received(r -> true);
        assertThat(all).extracting(r -> r.header("Authorization")).containsOnly("Bearer t0k3n");
        assertThat(all).anyMatch(r -> r.isAdmin("ring")).anyMatch(FakeNode.Received::isKv);
    }

    @Test
    void badArgumentsFailBeforeAnyRequest() {
        assertThatThrownBy(() -> client.get("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.get("\uD800")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("surrogate");
        assertThatThrownBy(() -> client.put("k", null, new byte[1], "not a type"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DynamoClient.builder().seed("ftp://x/"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DynamoClient.builder().build()).isInstanceOf(IllegalArgumentException.class);
        assertThat(kvRequests()).isEmpty();
    }

    // ---- conditional writes -----------------------------------------------------------------------------------

    @Test
    void aReadKeepsItsEtagAndAMissingKeyKeepsItsTombstonesEtag() {
        node.kv(r -> new FakeNode.Reply(200, "text/plain", "v".getBytes(StandardCharsets.UTF_8),
                Map.of("X-Dynamo-Context", "ctx", "ETag", TAG)));
        assertThat(client.get("k").etag()).isEqualTo(TAG);
        node.kv(r -> FakeNode.Reply.json(404, "{\"error\":\"not_found\",\"detail\":\"none\"}",
                Map.of("X-Dynamo-Context", "dead", "ETag", TAG)));
        Versions deleted = client.get("k");
        assertThat(deleted.found()).isFalse();
        assertThat(deleted.etag()).isEqualTo(TAG);
        node.kv(r -> FakeNode.Reply.json(404, "{\"error\":\"not_found\",\"detail\":\"none\"}", Map.of()));
        assertThat(client.get("k").etag()).isNull();
    }

    @Test
    void ifMatchAndIfAbsentAreSentAsTheirHeadersAndPlainWritesSendNeither() {
        client.put("k", "ctx", new byte[] {1}, null, WriteOptions.quorum(2).ifMatch(TAG));
        assertThat(lastKv().header("If-Match")).isEqualTo(TAG);
        assertThat(lastKv().header("If-None-Match")).isNull();
        assertThat(lastKv().rawQuery()).isEqualTo("w=2");

        client.put("k", null, new byte[] {1}, null, WriteOptions.defaults().ifAbsent());
        assertThat(lastKv().header("If-None-Match")).isEqualTo("*");
        assertThat(lastKv().header("If-Match")).isNull();

        client.delete("k", null, WriteOptions.defaults().ifMatch(TAG).synced(1));
        assertThat(lastKv().method()).isEqualTo("DELETE");
        assertThat(lastKv().header("If-Match")).isEqualTo(TAG);

        client.put("k", null, new byte[] {1}, null);
        assertThat(lastKv().header("If-Match")).isNull();
        assertThat(lastKv().header("If-None-Match")).isNull();
    }

    @Test
    void aConditionNotMetIsADynamoClientExceptionThatSaysSo() {
        node.kv(r -> FakeCluster.error(412, "precondition_failed", "If-Match names another version"));
        assertThatThrownBy(() -> client.put("k", null, new byte[] {1}, null, WriteOptions.defaults().ifMatch(TAG)))
                .isInstanceOfSatisfying(DynamoClientException.class, e -> {
                    assertThat(e.preconditionFailed()).isTrue();
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.detail()).contains("another version");
                });
        assertThat(cluster.received(FakeNode.Received::isKv)).as("a 412 is the answer, not tried elsewhere")
                .hasSize(1);
        node.kv(r -> FakeCluster.error(409, "too_many_siblings", "merge"));
        assertThatThrownBy(() -> client.put("k", null, new byte[] {1}, null))
                .isInstanceOfSatisfying(DynamoClientException.class, e -> assertThat(e.preconditionFailed())
                        .isFalse());
    }

    @Test
    void contradictoryOrUnsendableConditionsAreRefusedBeforeSending() {
        assertThatThrownBy(() -> WriteOptions.defaults().ifMatch(TAG).ifAbsent())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("together");
        assertThatThrownBy(() -> WriteOptions.defaults().ifMatch(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WriteOptions.defaults().ifMatch("\"a\"\r\nX: y"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(cluster.received(FakeNode.Received::isKv)).isEmpty();
    }

    // ---- batches: one POST with the keys as JSON, each key's entry of the answer its own result ----

    @Test
    void getAllSendsTheKeysAndGivesEachKeysOutcomeInOrder() {
        node.kv(r -> FakeNode.Reply.json(200, "{\"results\": ["
                + "{\"key\": \"a\", \"status\": 200, \"context\": \"ca\", \"etag\": \"\\\"t\\\"\", \"siblings\":"
                + " [{\"value\": \"" + FakeCluster.base64("va") + "\", \"contentType\": \"text/plain\"}]},"
                + "{\"key\": \"b/c\", \"status\": 404, \"error\": {\"error\": \"not_found\", \"detail\": \"none\"}},"
                + "{\"key\": \"d\", \"status\": 503, \"error\": {\"error\": \"insufficient_replicas\","
                + " \"detail\": \"needed 3, 2 answered\"}}]}", Map.of()));

        List<BatchResult<Versions>> results = client.getAll(List.of("a", "b/c", "d"), ReadOptions.quorum(2));

        FakeNode.Received sent = cluster.received(FakeNode.Received::isKv).get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.rawPath()).isEqualTo(FakeNode.API + "kv/_mget");
        assertThat(sent.rawQuery()).isEqualTo("r=2");
        assertThat(sent.bodyText()).isEqualTo("{\"keys\":[\"a\",\"b/c\",\"d\"]}");
        assertThat(results).extracting(BatchResult::key).containsExactly("a", "b/c", "d");
        assertThat(results.get(0).orElseThrow().value()).hasValue(new Sibling("va".getBytes(StandardCharsets.UTF_8),
                "text/plain"));
        assertThat(results.get(0).orElseThrow().etag()).isEqualTo("\"t\"");
        assertThat(results.get(1).orElseThrow().found()).isFalse();
        assertThat(results.get(2).succeeded()).isFalse();
        assertThatThrownBy(results.get(2)::orElseThrow).isInstanceOfSatisfying(DynamoClientException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.error()).isEqualTo("insufficient_replicas");
            assertThat(e.getMessage()).contains("key 'd'");
        });
    }

    @Test
    void putAllSendsBase64ValuesAndDeletesAndGivesEachNewContext() {
        node.kv(r -> FakeNode.Reply.json(200, "{\"results\": [{\"key\": \"a\", \"status\": 204, \"context\": \"c1\"},"
                + "{\"key\": \"b\", \"status\": 409, \"error\": {\"error\": \"too_many_siblings\", \"detail\": \"d\"}},"
                + "{\"key\": \"c\", \"status\": 204, \"context\": \"c3\"}]}", Map.of()));

        List<BatchResult<String>> results = client.putAll(List.of(
                BatchWrite.put("a", null, "v".getBytes(StandardCharsets.UTF_8), "text/plain"),
                BatchWrite.put("b", "ctx", new byte[] {0, 1}, null),
                BatchWrite.delete("c", "ctx-c")), WriteOptions.quorum(2).synced(1));

        FakeNode.Received sent = cluster.received(FakeNode.Received::isKv).get(0);
        assertThat(sent.rawPath()).isEqualTo(FakeNode.API + "kv/_mput");
        assertThat(sent.rawQuery()).isEqualTo("w=2&dw=1");
        assertThat(sent.bodyText()).isEqualTo("{\"items\":[{\"key\":\"a\",\"value\":\"dg==\",\"contentType\":"
                + "\"text/plain\"},{\"key\":\"b\",\"value\":\"AAE=\",\"context\":\"ctx\"},"
                + "{\"key\":\"c\",\"context\":\"ctx-c\",\"delete\":true}]}");
        assertThat(results).extracting(BatchResult::status).containsExactly(204, 409, 204);
        assertThat(results.get(0).orElseThrow()).isEqualTo("c1");
        assertThat(results.get(1).error().error()).isEqualTo("too_many_siblings");
        assertThat(results.get(2).orElseThrow()).isEqualTo("c3");
    }

    @Test
    void aBatchTheNodeRefusesWholeIsAnException() {
        node.kv(r -> FakeNode.Reply.json(400, "{\"error\": \"invalid_batch\", \"detail\": \"twice\"}", Map.of()));

        assertThatThrownBy(() -> client.getAll(List.of("a"))).isInstanceOfSatisfying(DynamoClientException.class,
                e -> assertThat(e.error()).isEqualTo("invalid_batch"));
    }

    @Test
    void argumentsTheNodeWouldRefuseAreRefusedBeforeSending() {
        assertThatThrownBy(() -> client.getAll(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.getAll(Collections.nCopies(101, "k")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> client.getAll(List.of("a\\b"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.putAll(List.of(BatchWrite.put("a", null, new byte[0], null)),
                WriteOptions.defaults().ifAbsent())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no condition");
        assertThat(cluster.received(FakeNode.Received::isKv)).isEmpty();
    }

    // --- listing: a lazy stream that fetches the next page with the last cursor, only when needed ---------------

    private List<FakeNode.Received> listings() {
        return cluster.received(r -> r.rawPath().endsWith("/keys"));
    }

    /** Three pages: two keys, none (a page may be empty yet not the last), one; each names the next by cursor. */
    private void serveThreePages() {
        node.kv(r -> {
            String query = r.rawQuery();
            KeysBody page = !query.contains("cursor=") ? new KeysBody(List.of("a", "b"), "c1")
                    : query.contains("cursor=c1") ? new KeysBody(List.of(), "c2")
                    : new KeysBody(List.of("c d"), null);
            return FakeNode.Reply.json(200, FakeCluster.JSON.toJson(page), Map.of());
        });
    }

    @Test
    void theStreamFetchesPagesAsItIsConsumedAndEndsWithTheLastCursor() {
        serveThreePages();
        Stream<String> keys = client.keys("x y", 2);
        assertThat(listings()).as("nothing fetched before a key is wanted").isEmpty();
        Iterator<String> it = keys.iterator();
        assertThat(it.next()).isEqualTo("a");
        assertThat(listings()).hasSize(1);
        assertThat(listings().get(0).rawQuery()).isEqualTo("limit=2&prefix=x%20y");
        assertThat(it.next()).isEqualTo("b");
        assertThat(listings()).as("the first page still serves b").hasSize(1);
        List<String> rest = new ArrayList<>();
        it.forEachRemaining(rest::add);
        assertThat(rest).containsExactly("c d");
        assertThat(listings()).extracting(FakeNode.Received::rawQuery).containsExactly("limit=2&prefix=x%20y",
                "limit=2&prefix=x%20y&cursor=c1", "limit=2&prefix=x%20y&cursor=c2");
    }

    @Test
    void aNamespaceListsAtItsOwnPathAndAFailedPageThrows() {
        serveThreePages();
        assertThat(client.namespace("carts").keys(null).toList()).containsExactly("a", "b", "c d");
        assertThat(listings()).allSatisfy(r -> assertThat(r.rawPath()).isEqualTo(FakeNode.API + "ns/carts/keys"));
        node.kv(r -> FakeCluster.error(404, "namespace_not_found", "no namespace carts"));
        assertThatThrownBy(() -> client.namespace("carts").keys("").toList())
                .isInstanceOfSatisfying(DynamoClientException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("namespace_not_found");
        assertThatThrownBy(() -> client.keys("", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.keys("", 1001)).isInstanceOf(IllegalArgumentException.class);
    }
}
