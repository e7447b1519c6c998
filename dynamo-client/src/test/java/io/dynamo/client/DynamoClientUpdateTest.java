package io.dynamo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Ring;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An update is one put carrying the context of the client's last get, put or delete of the key. */
class DynamoClientUpdateTest {
    private static final byte[] VALUE = "v".getBytes(StandardCharsets.UTF_8);

    private final FakeCluster cluster = new FakeCluster("only");
    private final FakeNode node = cluster.node("only");
    private DynamoClient client;

    DynamoClientUpdateTest() {
        cluster.serveRing(Ring.initial(8, List.of(Member.of("only"))), 1);
        // A get answers with a context naming how many requests the node has seen; a put, "put-N".
        int[] seen = {0};
        node.kv(r -> {
            seen[0]++;
            return "GET".equals(r.method())
                    ? new FakeNode.Reply(200, "text/plain", VALUE, Map.of("X-Dynamo-Context", "read-" + seen[0]))
                    : FakeNode.Reply.empty(204, Map.of("X-Dynamo-Context", "put-" + seen[0]));
        });
    }

    @AfterEach
    void close() {
        client.close();
        cluster.close();
    }

    private List<FakeNode.Received> kv() {
        return cluster.received(FakeNode.Received::isKv);
    }

    private DynamoClient client(int remembered) {
        client = DynamoClient.builder().seed(node.base()).rememberContexts(remembered).build();
        return client;
    }

    @Test
    void anUpdateAfterAGetIsOnePutWithTheGetsContext() {
        client(10).get("k");
        assertThat(client.update("k", VALUE, "text/plain")).isEqualTo("put-2");
        assertThat(kv()).extracting(FakeNode.Received::method).containsExactly("GET", "PUT");
        assertThat(kv().get(1).header("X-Dynamo-Context")).isEqualTo("read-1");
    }

    @Test
    void anUpdateAfterAnUpdateCarriesTheContextOfThePreviousWrite() {
        client(10).put("k", null, VALUE, null);
        client.update("k", VALUE, null);
        client.update("k", VALUE, null);
        assertThat(kv()).extracting(FakeNode.Received::method).containsExactly("PUT", "PUT", "PUT");
        assertThat(kv()).extracting(r -> r.header("X-Dynamo-Context")).containsExactly(null, "put-1", "put-2");
    }

    @Test
    void anUpdateOfAKeyNeverSeenReadsItFirst() {
        client(10).update("k", VALUE, null);
        assertThat(kv()).extracting(FakeNode.Received::method).containsExactly("GET", "PUT");
        assertThat(kv().get(1).header("X-Dynamo-Context")).isEqualTo("read-1");
    }

    @Test
    void aNamespacesUpdateCarriesTheContextOfThatNamespacesKeyNotTheDefaultOnesOfTheSameName() {
        NamespaceClient carts = client(10).namespace("carts");
        client.get("k");
        carts.get("k");
        client.get("k");
        assertThat(carts.update("k", VALUE, null)).isEqualTo("put-4");
        assertThat(client.update("k", VALUE, null)).isEqualTo("put-5");
        assertThat(carts.updateAsync("k", VALUE, null).toCompletableFuture().join()).isEqualTo("put-6");
        assertThat(kv()).extracting(FakeNode.Received::rawPath).containsExactly("/dynamo/api/v1/kv/k",
                "/dynamo/api/v1/ns/carts/kv/k", "/dynamo/api/v1/kv/k", "/dynamo/api/v1/ns/carts/kv/k",
                "/dynamo/api/v1/kv/k", "/dynamo/api/v1/ns/carts/kv/k");
        assertThat(kv()).extracting(r -> r.header("X-Dynamo-Context")).containsExactly(null, null, null, "read-2",
                "read-3", "put-4");
    }

    @Test
    void aNamespacesUpdateOfAKeyNeverSeenThereReadsItThereFirst() {
        client(10).get("k");
        client.namespace("carts").update("k", VALUE, null);
        assertThat(kv()).extracting(r -> r.method() + " " + r.rawPath()).containsExactly("GET /dynamo/api/v1/kv/k",
                "GET /dynamo/api/v1/ns/carts/kv/k", "PUT /dynamo/api/v1/ns/carts/kv/k");
        assertThat(kv().get(2).header("X-Dynamo-Context")).isEqualTo("read-2");
    }

    @Test
    void theLeastRecentlyUsedKeyIsForgottenFirst() {
        client(2).get("a");
        client.get("b");
        client.get("a");
        client.get("c");
        client.update("a", VALUE, null);
        client.update("b", VALUE, null);
        assertThat(kv()).extracting(r -> r.method() + " " + r.rawPath().substring(FakeNode.API.length()))
                .containsExactly("GET kv/a", "GET kv/b", "GET kv/a", "GET kv/c", "PUT kv/a", "GET kv/b", "PUT kv/b");
    }

    @Test
    void rememberingNoContextsMakesEveryUpdateReadFirst() {
        client(0).get("k");
        client.update("k", VALUE, null);
        assertThat(kv()).extracting(FakeNode.Received::method).containsExactly("GET", "GET", "PUT");
    }

    @Test
    void anUpdateAfterADeleteSupersedesTheTombstone() {
        client(10).delete("k", "read-ctx");
        client.update("k", VALUE, null);
        assertThat(kv()).extracting(r -> r.header("X-Dynamo-Context")).containsExactly("read-ctx", "put-1");
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThatThrownBy(() -> DynamoClient.builder().rememberContexts(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 or more");
        client(0);
    }
}
