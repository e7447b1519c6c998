package io.dynamo.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.api.PlanBody;
import io.dynamo.client.DynamoClient;
import io.dynamo.client.DynamoClientException;
import io.dynamo.console.events.ClientClusterConnector;
import io.dynamo.console.testing.RecordedCluster;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console's calls through the Java client, against an in-process node serving recorded answers. */
class ClientClusterServiceTest {
    private static final List<DynamoClient> CLIENTS = new ArrayList<>();
    private final RecordedCluster node;
    private final ClientClusterService service;

    ClientClusterServiceTest() throws Exception {
        node = new RecordedCluster();
        service = service(node.uri(), RecordedCluster.PASSWORD);
    }

    private static ClientClusterService service(URI first, String password) {
        AtomicReference<URI> last = new AtomicReference<>();
        DynamoClient client = DynamoClient.builder().seed(ClientClusterConnector.apiBase(first))
                .credentials("admin", password).connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5)).listener(ClientClusterService.tracking(last)).build();
        CLIENTS.add(client);
        return new ClientClusterService(client, last);
    }

    @AfterEach
    void stop() {
        node.close();
        CLIENTS.forEach(DynamoClient::close);
        CLIENTS.clear();
    }

    @Test
    void readsTheAdminAnswers() {
        assertThat(service.ring().owners()).hasSize(256);
        assertThat(service.nodes().nodes()).hasSize(3);
        assertThat(service.versions("cart:alice").merged().siblings()).hasSize(2);
        assertThat(service.placement("order:1").partition()).isEqualTo(214);
        assertThat(service.antiEntropy(0).peer()).isEqualTo("node3");
    }

    @Test
    void encodesKeysAsOnePathSegment() {
        service.placement("a/b c:ü");

        assertThat(node.requests()).filteredOn(r -> r.startsWith("GET admin/ring/key/"))
                .containsExactly("GET admin/ring/key/a%2Fb%20c%3A%C3%BC");
    }

    @Test
    void sendsPlansAndCommitsAsJson() {
        PlanBody plan = service.planJoin("node4", 2);
        service.commitJoin("node4", 2, plan.fromVersion());
        service.commitLeave("node3", 3);

        assertThat(node.body("POST admin/join")).isEqualTo("{\"node\":\"node4\",\"weight\":2}");
        assertThat(node.body("POST admin/join/commit")).isEqualTo("{\"node\":\"node4\",\"weight\":2,\"ringVersion\":3}");
        assertThat(node.body("POST admin/leave/commit")).isEqualTo("{\"node\":\"node3\",\"ringVersion\":3}");
    }

    @Test
    void resolvesWithTheContextOfTheRead() {
        String context = service.read("cart:alice").context();
        String after = service.write("cart:alice", "blue".getBytes(StandardCharsets.UTF_8), "text/plain", context);

        assertThat(context).isEqualTo("recorded-context");
        assertThat(after).isEqualTo("after-put");
        assertThat(node.body("PUT kv/cart%3Aalice")).isEqualTo("blue");
    }

    @Test
    void anErrorAnswerCarriesItsStatusErrorAndDetail() {
        node.answer("POST admin/join/commit", "error-stale-plan.json");

        assertThatThrownBy(() -> service.commitJoin("node4", 1, 1)).isInstanceOfSatisfying(DynamoClientException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.error()).isEqualTo("stale_plan");
                    assertThat(e.node().getPort()).isEqualTo(node.uri().getPort());
                    assertThat(Failures.explain(e)).contains("Plan again");
                });
    }

    @Test
    void wrongCredentialsSayWhichToUse() {
        ClientClusterService wrong = service(node.uri(), "not-the-password");

        assertThatThrownBy(wrong::ring).isInstanceOfSatisfying(DynamoClientException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(Failures.explain(e)).contains("admin user 'admin'").contains("DYNAMO_SECURITY_ADMIN_PASSWORD")
                    .doesNotContain("not-the-password");
        });
    }

    @Test
    void movesOnToAnotherKnownNodeWhenTheFirstDoesNotAnswer() throws Exception {
        try (RecordedCluster second = new RecordedCluster()) {
            RecordedCluster first = new RecordedCluster().peer(second.address());
            ClientClusterService failover = service(first.uri(), RecordedCluster.PASSWORD);
            failover.nodes();
            first.close();

            assertThat(failover.ring().answeredBy()).isEqualTo("node1");
            assertThat(failover.currentNode().getPort()).isEqualTo(second.uri().getPort());
            assertThat(second.requests()).contains("GET admin/ring");
        }
    }

    @Test
    void saysSoWhenNoNodeAnswers() {
        node.close();

        assertThatThrownBy(service::ring).isInstanceOfSatisfying(DynamoClientException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(Failures.explain(e)).startsWith("No node answered (127.0.0.1:" + node.uri().getPort());
        });
    }

    @Test
    void theBaseUriIsTheApiOfTheGivenNode() {
        assertThat(ClientClusterConnector.apiBase(URI.create("http://h:1"))).hasToString("http://h:1/dynamo/api/v1/");
        assertThat(ClientClusterConnector.apiBase(URI.create("http://h:1/dynamo/api/v1"))).hasToString("http://h:1/dynamo/api/v1/");
        assertThat(new Credentials(null, "p").user()).isEqualTo("admin");
        assertThat(new Credentials("admin", "p")).hasToString("Credentials[user=admin, password=***]");
    }
}
