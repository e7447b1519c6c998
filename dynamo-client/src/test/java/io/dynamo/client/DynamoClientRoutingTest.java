package io.dynamo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.Key;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.ring.Ring;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Client-driven coordination against pretend nodes: which node gets each request, and when the ring is fetched. */
class DynamoClientRoutingTest {
    private static final int Q = 16;
    private static final List<String> IDS = List.of("n1", "n2", "n3", "n4");

    private final FakeCluster cluster = new FakeCluster(IDS.toArray(String[]::new));
    private final MutableClock clock = new MutableClock();
    private final List<RouteEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final Ring ringV1 = Ring.initial(Q, IDS.stream().map(Member::of).toList());
    private DynamoClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        cluster.close();
    }

    private DynamoClient client(URI... seeds) {
        client = DynamoClient.builder().seeds(List.of(seeds)).clock(clock).listener(events::add)
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5)).build();
        return client;
    }

    private static PreferenceList preferenceList(Ring ring, String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return ring.preferenceList(ring.partitioner().partitionOfKey(bytes), 3);
    }

    private List<RouteEvent> kvEvents() {
        synchronized (events) {
            return events.stream().filter(e -> e.key() != null).toList();
        }
    }

    private RouteEvent lastAnswered() {
        List<RouteEvent> kv = kvEvents();
        return kv.get(kv.size() - 1);
    }

    @Test
    void everyRequestGoesStraightToTheHeadOfItsKeysPreferenceList() {
        cluster.serveRing(ringV1, 3);
        client(cluster.node("n2").base());
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            String key = "key-" + i + (i % 3 == 0 ? "/ü;" + i : "");
            String head = preferenceList(ringV1, key).replicas().get(0);
            expected.merge(head, 1, Integer::sum);
            switch (i % 3) {
                case 0 -> assertThat(client.get(key).value().orElseThrow().asString()).isEqualTo("from " + head);
                case 1 -> assertThat(client.put(key, null, new byte[] {1}, null)).isEqualTo("written-by-" + head);
                default -> assertThat(client.delete(key, "c")).isEqualTo("written-by-" + head);
            }
            RouteEvent event = lastAnswered();
            assertThat(event.key()).isEqualTo(key);
            assertThat(event.nodeId()).as(key).isEqualTo(head);
            assertThat(event.node()).isEqualTo(cluster.node(head).base());
            assertThat(event.coordinator()).isTrue();
            assertThat(event.attempt()).isEqualTo(1);
            assertThat(event.ringVersion()).isEqualTo(ringV1.version());
            assertThat(event.outcome()).isEqualTo(RouteEvent.Outcome.ANSWERED);
        }
        for (String id : IDS) {
            assertThat(cluster.received(r -> r.isKv() && r.node().equals(id))).as(id)
                    .hasSize(expected.getOrDefault(id, 0));
        }
        assertThat(client.ringVersion()).hasValue(ringV1.version());
        assertThat(client.knownNodes()).containsAll(cluster.seeds());
        assertThat(cluster.ringFetches()).isEqualTo(1);
    }

    @Test
    void aNewerRingVersionOnAnAnswerMakesTheNextRequestFetchTheRingAndGoToTheNewOwner() {
        cluster.serveRing(ringV1, 3);
        client(cluster.node("n1").base());
        // v2 hands every partition to the next member: most keys change coordinator.
        List<String> shifted = ringV1.owners().stream().map(o -> IDS.get((IDS.indexOf(o) + 1) % IDS.size())).toList();
        Ring ringV2 = new Ring(2, Q, ringV1.members(), shifted);
        String key = IntStream.range(0, 100).mapToObj(i -> "moving-" + i)
                .filter(k -> !preferenceList(ringV1, k).replicas().get(0)
                        .equals(preferenceList(ringV2, k).replicas().get(0)))
                .findFirst().orElseThrow();
        String oldHead = preferenceList(ringV1, key).replicas().get(0);
        String newHead = preferenceList(ringV2, key).replicas().get(0);

        client.get(key);
        assertThat(lastAnswered().nodeId()).isEqualTo(oldHead);

        cluster.serveRing(ringV2, 3);
        cluster.nodes().forEach(n -> n.announceRingVersion(2));
        client.get(key); // still the old owner: the client learns of v2 from this answer
        assertThat(lastAnswered().nodeId()).isEqualTo(oldHead);
        assertThat(cluster.ringFetches()).isEqualTo(1);

        client.get(key);
        assertThat(cluster.ringFetches()).isEqualTo(2);
        assertThat(cluster.received(r -> r.isAdmin("ring")).get(1).node())
                .as("the ring is fetched from the node that announced the newer one").isEqualTo(oldHead);
        assertThat(lastAnswered().nodeId()).isEqualTo(newHead);
        assertThat(lastAnswered().ringVersion()).isEqualTo(2);
        assertThat(client.ringVersion()).hasValue(2);

        client.get(key); // v2 is what the nodes announce: no further fetch
        assertThat(cluster.ringFetches()).isEqualTo(2);
    }

    @Test
    void theRingIsFetchedOnceAndThenAgainEveryTenSeconds() {
        cluster.serveRing(ringV1, 3);
        client(cluster.seeds().toArray(URI[]::new));
        for (int i = 0; i < 20; i++) {
            client.get("k" + i);
        }
        assertThat(cluster.ringFetches()).isEqualTo(1);
        clock.advance(Duration.ofMillis(9_999));
        client.get("x");
        assertThat(cluster.ringFetches()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        client.get("x");
        client.get("y");
        assertThat(cluster.ringFetches()).isEqualTo(2);
        assertThat(cluster.received(r -> r.isAdmin("nodes"))).hasSize(2);
    }

    @Test
    void aNodeThatIsDownIsSkippedForTheNextReplicaAndTriedLastForAWhile() {
        cluster.serveRing(ringV1, 3);
        client(cluster.seeds().toArray(URI[]::new));
        client.refreshRing();
        String key = "fallback-key";
        List<String> replicas = preferenceList(ringV1, key).replicas();
        cluster.node(replicas.get(0)).stop();

        assertThat(client.get(key).value().orElseThrow().asString()).isEqualTo("from " + replicas.get(1));
        List<RouteEvent> tries = kvEvents();
        assertThat(tries).extracting(RouteEvent::nodeId).containsExactly(replicas.get(0), replicas.get(1));
        assertThat(tries).extracting(RouteEvent::outcome)
                .containsExactly(RouteEvent.Outcome.UNREACHABLE, RouteEvent.Outcome.ANSWERED);
        assertThat(tries.get(0).coordinator()).isTrue();
        assertThat(tries.get(1).coordinator()).isFalse();
        assertThat(tries.get(1).attempt()).isEqualTo(2);

        events.clear();
        client.put(key, null, new byte[] {7}, "application/octet-stream");
        assertThat(kvEvents()).as("the down node is not tried first again at once").extracting(RouteEvent::nodeId)
                .containsExactly(replicas.get(1));

        clock.advance(Duration.ofSeconds(5));
        events.clear();
        client.get(key);
        assertThat(kvEvents()).as("after a while it is tried first again").extracting(RouteEvent::nodeId)
                .containsExactly(replicas.get(0), replicas.get(1));
    }

    @Test
    void whenNoNodeAnswersTheErrorSaysWhichWereTried() {
        cluster.serveRing(ringV1, 3);
        client(cluster.node("n1").base());
        client.refreshRing();
        cluster.nodes().forEach(FakeNode::stop);
        assertThatThrownBy(() -> client.get("anything"))
                .isInstanceOfSatisfying(DynamoClientException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.error()).isEqualTo(DynamoClientException.UNREACHABLE);
                    assertThat(e.node()).isNull();
                    assertThat(e.triedNodes()).containsExactlyInAnyOrderElementsOf(cluster.seeds());
                    assertThat(e.getMessage()).contains("GET kv/anything").contains(cluster.seeds().get(3).toString());
                });
    }

    @Test
    void withoutARingRequestsGoRoundRobinOverTheKnownNodes() {
        cluster.serveRing(null, 3); // every node answers 503 ring_unknown on the admin API
        client(cluster.seeds().toArray(URI[]::new));
        for (int i = 0; i < 12; i++) {
            assertThat(client.get("k" + i).found()).isTrue();
        }
        assertThat(client.ringVersion()).isEmpty();
        for (String id : IDS) {
            assertThat(cluster.received(r -> r.isKv() && r.node().equals(id))).as(id).hasSize(3);
        }
        assertThat(kvEvents()).allSatisfy(e -> {
            assertThat(e.coordinator()).isFalse();
            assertThat(e.ringVersion()).isZero();
        });
    }

    @Test
    void aNamespacedKeysRequestGoesStraightToTheHeadOfItsOwnPreferenceList() {
        cluster.serveRing(ringV1, 3);
        client(cluster.node("n1").base());
        NamespaceClient carts = client.namespace("carts");
        int differentFromDefault = 0;
        for (int i = 0; i < 60; i++) {
            String key = "cart-" + i;
            Key namespaced = Key.in("carts", key.getBytes(StandardCharsets.UTF_8));
            String head = ringV1.preferenceList(ringV1.partitioner().partitionOf(namespaced.md5()), 3).replicas()
                    .get(0);
            switch (i % 3) {
                case 0 -> assertThat(carts.get(key).value().orElseThrow().asString()).isEqualTo("from " + head);
                case 1 -> assertThat(carts.put(key, null, new byte[] {1}, null)).isEqualTo("written-by-" + head);
                default -> assertThat(carts.delete(key, "c")).isEqualTo("written-by-" + head);
            }
            RouteEvent event = lastAnswered();
            assertThat(event.nodeId()).as(key).isEqualTo(head);
            assertThat(event.coordinator()).isTrue();
            assertThat(event.attempt()).isEqualTo(1);
            if (!head.equals(preferenceList(ringV1, key).replicas().get(0))) {
                differentFromDefault++;
            }
        }
        assertThat(cluster.received(r -> r.isKv() && r.rawPath().startsWith(FakeNode.API + "ns/carts/kv/")))
                .hasSize(60);
        assertThat(differentFromDefault).as("keys whose coordinator differs from the default namespace's key of the"
                + " same name: the namespace is part of the position").isPositive();
    }

    @Test
    void anAdminApiThatRefusesTheClientDoesNotFailRequests() {
        cluster.serveRing(ringV1, 3);
        cluster.refuseAdmin(401);
        client(cluster.node("n3").base());
        assertThat(client.put("k", null, new byte[] {1}, null)).isEqualTo("written-by-n3");
        assertThat(client.ringVersion()).isEmpty();

        cluster.refuseAdmin(200); // e.g. credentials configured: picked up at the next periodic refresh
        clock.advance(Duration.ofSeconds(10));
        client.get("k");
        assertThat(client.ringVersion()).hasValue(1);
        assertThat(lastAnswered().nodeId()).isEqualTo(preferenceList(ringV1, "k").replicas().get(0));
    }

    /** Answers of a node that cannot serve any request now, while another node may. */
    static Stream<FakeNode.Reply> nodeLocalRefusals() {
        return Stream.of(FakeCluster.error(503, "ring_unknown", "no ring yet"),
                FakeCluster.error(503, "storage_unavailable", "disk full"),
                FakeCluster.error(503, "overloaded", "256 requests in flight"),
                // A restarting node: its HTTP server is up, the application not deployed yet.
                page(404, "Not Found"), page(403, "Forbidden"));
    }

    private static FakeNode.Reply page(int status, String title) {
        return new FakeNode.Reply(status, "text/html", ("<h1>" + title + "</h1>").getBytes(StandardCharsets.UTF_8),
                Map.of());
    }

    @ParameterizedTest
    @MethodSource("nodeLocalRefusals")
    void aNodeThatCannotServeNowIsPassedOverForTheNext(FakeNode.Reply refusal) {
        cluster.serveRing(ringV1, 3);
        client(cluster.seeds().toArray(URI[]::new));
        String key = "k";
        List<String> replicas = preferenceList(ringV1, key).replicas();
        cluster.node(replicas.get(0)).kv(r -> refusal);
        assertThat(client.get(key).value().orElseThrow().asString()).isEqualTo("from " + replicas.get(1));
        assertThat(kvEvents()).extracting(RouteEvent::outcome)
                .containsExactly(RouteEvent.Outcome.REFUSED, RouteEvent.Outcome.ANSWERED);
    }

    @Test
    void aQuorumFailureIsTheAnswerAndIsNotRetriedElsewhere() {
        cluster.serveRing(ringV1, 3);
        client(cluster.seeds().toArray(URI[]::new));
        cluster.nodes().forEach(n -> n.kv(r -> FakeCluster.error(503, "insufficient_replicas", "2 needed, 1 answered")));
        assertThatThrownBy(() -> client.put("k", null, new byte[] {1}, null))
                .isInstanceOfSatisfying(DynamoClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.error()).isEqualTo("insufficient_replicas");
                    assertThat(e.detail()).isEqualTo("2 needed, 1 answered");
                    assertThat(e.triedNodes()).hasSize(1);
                });
        assertThat(cluster.received(FakeNode.Received::isKv)).hasSize(1);
    }

    @Test
    void nodesFromTheRingAreUsedEvenWhenOnlyOneSeedIsGiven() {
        cluster.serveRing(ringV1, 3);
        String noSlash = cluster.node("n4").base().toString().replaceAll("/$", "");
        client(URI.create(noSlash)); // also: a seed without its trailing slash
        client.refreshRing();
        assertThat(client.knownNodes()).containsExactlyInAnyOrderElementsOf(cluster.seeds());
    }

    @Test
    void concurrentRequestsAreEachRoutedToTheirCoordinator() throws Exception {
        cluster.serveRing(ringV1, 3);
        client(cluster.seeds().toArray(URI[]::new));
        client.refreshRing(); // else the first requests go round-robin while one thread fetches the ring
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String key = "c" + i;
                answers.add(pool.submit(() -> client.get(key).value().orElseThrow().asString()));
            }
            for (int i = 0; i < 200; i++) {
                assertThat(answers.get(i).get()).isEqualTo("from " + preferenceList(ringV1, "c" + i).replicas().get(0));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cluster.ringFetches()).isEqualTo(1);
    }
}
