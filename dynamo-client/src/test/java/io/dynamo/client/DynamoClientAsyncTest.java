package io.dynamo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Ring;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The asynchronous calls: the same requests, routing and answers as the blocking ones, on the client's executor. */
class DynamoClientAsyncTest {
    private final FakeCluster cluster = new FakeCluster("n1", "n2", "n3");
    private final Ring ring = Ring.initial(16, List.of(Member.of("n1"), Member.of("n2"), Member.of("n3")));
    private final List<RouteEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> eventThreads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(2,
            r -> new Thread(r, "dynamo-async-test-" + threadCount.incrementAndGet()));
    private final DynamoClient client;

    DynamoClientAsyncTest() {
        cluster.serveRing(ring, 3);
        client = DynamoClient.builder().seeds(cluster.seeds()).asyncExecutor(executor)
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5))
                .listener(e -> {
                    events.add(e);
                    eventThreads.add(Thread.currentThread().getName());
                }).build();
        client.refreshRing();
        events.clear();
        eventThreads.clear();
    }

    @AfterEach
    void close() throws InterruptedException {
        client.close();
        cluster.close();
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private String coordinatorOf(String key) {
        return ring.preferenceList(ring.partitioner().partitionOfKey(key.getBytes(StandardCharsets.UTF_8)), 3)
                .replicas().get(0);
    }

    @Test
    void manyCallsAtOnceAllAnswerOnTheClientsTwoThreads() {
        List<CompletableFuture<Versions>> reads = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            reads.add(client.getAsync("key-" + i).toCompletableFuture());
        }
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
        for (int i = 0; i < 40; i++) {
            assertThat(reads.get(i).join().value().orElseThrow().asString())
                    .isEqualTo("from " + coordinatorOf("key-" + i));
        }
        assertThat(eventThreads).as("every exchange ran on the executor given, none on a thread of its own")
                .allMatch(name -> name.startsWith("dynamo-async-test-"));
        assertThat(threadCount.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void aNodeThatDoesNotAnswerIsPassedOverForTheNextReplica() {
        String key = "fallback-key";
        String coordinator = coordinatorOf(key);
        cluster.node(coordinator).stop();
        Versions read = client.getAsync(key).toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(read.value().orElseThrow().asString()).doesNotContain(coordinator);
        List<RouteEvent> tries = events.stream().filter(e -> e.key() != null).toList();
        assertThat(tries).extracting(RouteEvent::outcome)
                .containsExactly(RouteEvent.Outcome.UNREACHABLE, RouteEvent.Outcome.ANSWERED);
        assertThat(tries.get(0).nodeId()).isEqualTo(coordinator);
    }

    @Test
    void anErrorAnswerFailsTheStageWithTheClientsExceptionItself() {
        cluster.nodes().forEach(n -> n.kv(r -> FakeCluster.error(412, "precondition_failed", "changed")));
        CompletableFuture<String> put = client.putAsync("k", null, new byte[] {1}, null,
                WriteOptions.defaults().ifAbsent()).toCompletableFuture();
        Throwable failure = put.handle((ok, f) -> f).orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(failure).isInstanceOfSatisfying(DynamoClientException.class,
                e -> assertThat(e.preconditionFailed()).isTrue());
        assertThat(cluster.received(FakeNode.Received::isKv)).hasSize(1);
        assertThat(cluster.received(FakeNode.Received::isKv).get(0).header("If-None-Match")).isEqualTo("*");
    }

    @Test
    void whenNoNodeAnswersTheStageFailsAsUnreachable() {
        cluster.nodes().forEach(FakeNode::stop);
        Throwable failure = client.deleteAsync("k", "ctx").toCompletableFuture().handle((ok, f) -> f)
                .orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(failure).isInstanceOfSatisfying(DynamoClientException.class, e -> {
            assertThat(e.error()).isEqualTo(DynamoClientException.UNREACHABLE);
            assertThat(e.triedNodes()).hasSize(3);
        });
    }

    @Test
    void updateAsyncReadsOnlyWhenItHasNoContextThenPutsWithIt() {
        String key = "u";
        String coordinator = coordinatorOf(key);
        String first = client.updateAsync(key, new byte[] {1}, null).toCompletableFuture()
                .orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(first).isEqualTo("written-by-" + coordinator);
        List<FakeNode.Received> kv = cluster.received(FakeNode.Received::isKv);
        assertThat(kv).extracting(FakeNode.Received::method).containsExactly("GET", "PUT");
        assertThat(kv.get(1).header("X-Dynamo-Context")).isEqualTo("ctx-" + coordinator);

        client.updateAsync(key, new byte[] {2}, null).toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
        kv = cluster.received(FakeNode.Received::isKv);
        assertThat(kv).extracting(FakeNode.Received::method).containsExactly("GET", "PUT", "PUT");
        assertThat(kv.get(2).header("X-Dynamo-Context")).isEqualTo("written-by-" + coordinator);
    }

    @Test
    void badArgumentsThrowAtOnce() {
        assertThatThrownBy(() -> client.getAsync("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.putAsync("k", null, null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> client.updateAsync("k", null, null)).isInstanceOf(NullPointerException.class);
        assertThat(cluster.received(FakeNode.Received::isKv)).isEmpty();
    }
}
