package io.dynamo.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.coordination.InsufficientReplicasException;
import io.dynamo.core.handoff.InMemoryHintStore;
import io.dynamo.core.membership.InMemoryMembershipStore;
import io.dynamo.core.membership.MembershipState;
import io.dynamo.core.membership.NodeInfo;
import io.dynamo.core.membership.NodeStatus;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.store.InMemoryStorageEngine;
import io.dynamo.core.transport.ClusterTransport;
import io.dynamo.core.transport.Message;
import io.dynamo.core.transport.NoPeersTransport;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import io.dynamo.testkit.SimulatedScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class NodeKeyValuesTest {
    private static final NodeTiming TIMING = new NodeTiming(Duration.ofMillis(100), Duration.ofSeconds(60), 10,
            Duration.ofSeconds(60), Duration.ofSeconds(60));
    /** Twice the forward timeout, which is three request timeouts. */
    private static final Duration LIMIT = Duration.ofMillis(600);
    private static final Value VALUE = Value.of(new byte[] {1}, null);

    private final SimulatedScheduler scheduler = new SimulatedScheduler(1_700_000_000_000L);

    @Test
    void aRequestThatOutlastsTheLimitFailsWithInsufficientReplicasAtTheLimit() {
        DynamoNode node = forwarderToAPeerThatNeverAnswers();
        CompletableFuture<Context> put = node.keyValues().put(Key.of("k"), Context.EMPTY, VALUE, OptionalInt.empty())
                .toCompletableFuture();
        scheduler.advance(LIMIT.minusMillis(1));
        assertThat(put).isNotDone();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(failureOf(put)).isInstanceOf(InsufficientReplicasException.class)
                .hasMessageContaining("put of key 'k' on node a got no quorum within 600 ms");
        assertThat(node.view().requests().timeouts()).containsEntry("put", 1L).containsEntry("get", 0L);
        node.close();
    }

    @Test
    void theStageFailsWithTheNodesExceptionItselfNotAWrapper() {
        // N=3 alone in its ring: W=2 can never be met, and the write coordinator fails the stage.
        NodeServices services = new NodeServices(NodeConfig.defaults("solo", Path.of("unused")), TIMING,
                ClusterSettings.standalone(""), new InMemoryStorageEngine(), new InMemoryHintStore(),
                new InMemoryMembershipStore(), new NoPeersTransport("solo"), scheduler);
        DynamoNode node = new DynamoNode(services).start();
        CompletableFuture<Context> put = node.keyValues().put(Key.of("k"), Context.EMPTY, VALUE, OptionalInt.empty())
                .toCompletableFuture();
        assertThat(failureOf(put)).isInstanceOf(InsufficientReplicasException.class)
                .hasMessageContaining("needed 2 replicas but 1 answered");
        node.close();
    }

    /** Node a, N=1, in a ring where node b owns every partition; b never answers. */
    private DynamoNode forwarderToAPeerThatNeverAnswers() {
        Ring ring = new Ring(1, 2, List.of(Member.of("a"), Member.of("b")), List.of("b", "b"));
        InMemoryMembershipStore membership = new InMemoryMembershipStore();
        membership.save(MembershipState.of(ring, List.of(new NodeInfo("a", "", NodeStatus.JOINED, 1),
                new NodeInfo("b", "", NodeStatus.JOINED, 1))));
        NodeConfig config = new NodeConfig("a", Path.of("unused"), 1, 1, 1, 2, NodeConfig.DEFAULT_MAX_KEY_BYTES,
                NodeConfig.DEFAULT_MAX_VALUE_BYTES, NodeConfig.DEFAULT_CLOCK_MAX_ENTRIES,
                NodeConfig.DEFAULT_SIBLINGS_WARN, NodeConfig.DEFAULT_SIBLINGS_MAX);
        NodeServices services = new NodeServices(config, TIMING, new ClusterSettings("", false, List.of(),
                Duration.ofSeconds(60), 1), new InMemoryStorageEngine(), new InMemoryHintStore(), membership,
                silent("a"), scheduler);
        return new DynamoNode(services).start();
    }

    /** A transport whose requests are never answered, not even by a timeout. */
    private static ClusterTransport silent(String self) {
        return new ClusterTransport() {
            @Override
            public String localNode() {
                return self;
            }

            @Override
            public CompletableFuture<Message> request(String target, Message request, Duration timeout) {
                return new CompletableFuture<>();
            }

            @Override
            public void serve(RequestHandler handler) {
                // nobody calls
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        future.whenComplete((value, failure) -> seen.set(failure));
        return seen.get();
    }
}
