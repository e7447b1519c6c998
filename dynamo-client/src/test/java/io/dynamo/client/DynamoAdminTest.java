package io.dynamo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.dynamo.api.NamespaceRequestBody;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Ring;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin calls: the client's routing, failover and one exception type, against pretend nodes. */
class DynamoAdminTest {
    private final FakeCluster cluster = new FakeCluster("a", "b", "c");
    private final DynamoClient client;

    DynamoAdminTest() {
        cluster.serveRing(Ring.initial(8, List.of(Member.of("a"), Member.of("b"), Member.of("c"))), 3);
        client = DynamoClient.builder().seeds(cluster.seeds()).build();
    }

    @AfterEach
    void close() {
        client.close();
        cluster.close();
    }

    @Test
    void readsTheRingAndNodesAndMovesOnWhenANodeDoesNotAnswer() {
        assertThat(client.admin().ring().partitions()).isEqualTo(8);
        cluster.node("a").stop();
        cluster.node("b").stop();

        for (int i = 0; i < 4; i++) {
            assertThat(client.admin().nodes().answeredBy()).isEqualTo("c");
        }
    }

    @Test
    void sendsChangesAsJsonAndKeysAsOneSegment() {
        cluster.answerAdmin("POST admin/join/commit", FakeNode.Reply.json(200, "{\"node\":\"d\",\"fromVersion\":1,"
                + "\"toVersion\":2,\"committed\":true,\"moves\":[]}", Map.of()));

        assertThat(client.admin().commitJoin("d", 2, 1).committed()).isTrue();
        assertThatThrownBy(() -> client.admin().placement("a/b c")).isInstanceOf(DynamoClientException.class);

        assertThat(cluster.received(r -> r.rawPath().endsWith("admin/join/commit")).get(0).bodyText())
                .isEqualTo("{\"node\":\"d\",\"weight\":2,\"ringVersion\":1}");
        assertThat(cluster.received(r -> r.rawPath().contains("admin/ring/key/")))
                .extracting(FakeNode.Received::rawPath).containsExactly(FakeNode.API + "admin/ring/key/a%2Fb%20c");
    }

    @Test
    void aNamespaceCommitSendsOnlyTheSettingsGivenAndTheCatalogVersionOfThePlan() {
        cluster.answerAdmin("POST admin/namespaces/commit", FakeNode.Reply.json(200, "{\"node\":\"a\","
                + "\"operation\":\"change\",\"fromVersion\":4,\"committed\":true,\"namespace\":{\"name\":\"carts\","
                + "\"n\":2,\"r\":1,\"w\":2,\"ttl\":60,\"version\":5,\"state\":\"live\"}}", Map.of()));
        NamespaceRequestBody change = new NamespaceRequestBody("change", "carts", null, 1, null, null, null, null,
                null, null, null, null, 60L, null);

        assertThat(client.admin().commitNamespace(change, 4).namespace().version()).isEqualTo(5);
        client.admin().commitNamespace(NamespaceRequestBody.drop("carts"), 4);

        assertThat(cluster.received(r -> r.rawPath().endsWith("admin/namespaces/commit")))
                .extracting(FakeNode.Received::bodyText).containsExactly(
                        "{\"operation\":\"change\",\"name\":\"carts\",\"r\":1,\"ttl\":60,\"catalogVersion\":4}",
                        "{\"operation\":\"drop\",\"name\":\"carts\",\"catalogVersion\":4}");
    }

    @Test
    void anErrorAnswerIsOneExceptionWithTheCodeAndTheNodeThatAnswered() {
        cluster.answerAdmin("POST admin/leave/commit", FakeCluster.error(409, "stale_plan", "plan again"));

        assertThatThrownBy(() -> client.admin().commitLeave("c", 1)).isInstanceOfSatisfying(
                DynamoClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.error()).isEqualTo("stale_plan");
                    assertThat(e.detail()).isEqualTo("plan again");
                    assertThat(cluster.seeds()).contains(e.node());
                });
        // a refusal that is the API's answer is not repeated on another node
        assertThat(cluster.received(r -> r.rawPath().endsWith("admin/leave/commit"))).hasSize(1);
    }

    @Test
    void aNodesOwnAdminAsksThatNodeAloneAndDoesNotFailOver() {
        cluster.answerAdmin("GET admin/anti-entropy", FakeNode.Reply.json(200, "{\"answeredBy\":\"b\","
                + "\"exchanges\":3,\"partitions\":[{\"partition\":5,\"lastPeer\":\"c\"}]}", Map.of()));
        DynamoAdmin b = client.admin(cluster.node("b").base());

        for (int i = 0; i < 3; i++) {
            assertThat(b.nodes().answeredBy()).isEqualTo("b");
        }
        assertThat(b.antiEntropyStatus().partitions()).extracting(p -> p.partition(), p -> p.lastPeer())
                .containsExactly(tuple(5, "c"));

        cluster.node("b").stop();
        assertThatThrownBy(b::hints).isInstanceOfSatisfying(DynamoClientException.class, e -> {
            assertThat(e.error()).isEqualTo(DynamoClientException.UNREACHABLE);
            assertThat(e.triedNodes()).containsExactly(cluster.node("b").base());
        });
        assertThat(cluster.received(r -> r.isAdmin("hints"))).isEmpty();
    }
}
