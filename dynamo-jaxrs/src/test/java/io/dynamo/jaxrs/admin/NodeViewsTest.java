package io.dynamo.jaxrs.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.HintQueueBody;
import io.dynamo.api.HintsBody;
import io.dynamo.api.NodeBody;
import io.dynamo.api.NodesBody;
import io.dynamo.core.handoff.HintQueue;
import io.dynamo.core.membership.MembershipState;
import io.dynamo.core.membership.NodeInfo;
import io.dynamo.core.membership.NodeStatus;
import io.dynamo.core.peer.PeerHealth;
import io.dynamo.core.peer.Reachability;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Ring;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeViewsTest {
    private static final long NOW = 50_000;

    @Test
    void everyNodeKnownByRecordRingOrDetectorIsListedOnce() {
        Ring ring = Ring.initial(8, List.of(Member.of("a"), new Member("b", 3)));
        MembershipState state = MembershipState.of(ring, List.of(
                new NodeInfo("a", "127.0.0.1:8080", NodeStatus.JOINED, 2),
                new NodeInfo("c", "127.0.0.1:8082", NodeStatus.JOINING, 1)));
        Map<String, PeerHealth> view = Map.of(
                "b", new PeerHealth("b", Reachability.DOWN, NOW - 4000, 3.14159, 3),
                "d", new PeerHealth("d", Reachability.UP, NOW - 10, 1, 0));

        NodesBody body = NodeViews.nodes("a", state, view, Map.of("a", 1200L, "b", 800L), NOW);

        assertThat(body.answeredBy()).isEqualTo("a");
        assertThat(body.ringVersion()).isEqualTo(ring.version());
        assertThat(body.nodes()).extracting(NodeBody::node).containsExactly("a", "b", "c", "d");
        NodeBody a = body.nodes().get(0);
        assertThat(a.self()).isTrue();
        assertThat(a.status()).isEqualTo("JOINED");
        assertThat(a.httpAddress()).isEqualTo("127.0.0.1:8080");
        assertThat(a.member()).isTrue();
        assertThat(a.partitions()).isEqualTo(2);
        assertThat(a.keysStored()).isEqualTo(1200L);
        assertThat(a.health()).isEqualTo(HealthViews.SELF);
        NodeBody b = body.nodes().get(1);
        assertThat(b.self()).isFalse();
        assertThat(b.status()).as("no record gossiped yet").isNull();
        assertThat(b.weight()).isEqualTo(3);
        assertThat(b.partitions()).isEqualTo(6);
        assertThat(b.keysStored()).isEqualTo(800L);
        assertThat(b.health().reachability()).isEqualTo("DOWN");
        assertThat(b.health().lastContactAgeMillis()).isEqualTo(4000);
        assertThat(b.health().rttMillis()).isEqualTo(3.1);
        assertThat(b.health().consecutiveFailures()).isEqualTo(3);
        NodeBody c = body.nodes().get(2);
        assertThat(c.member()).isFalse();
        assertThat(c.weight()).isNull();
        assertThat(c.partitions()).isZero();
        assertThat(c.keysStored()).as("no count gossiped yet").isNull();
        assertThat(c.status()).isEqualTo("JOINING");
        assertThat(c.health()).isEqualTo(HealthViews.UNTRIED);
        assertThat(body.nodes().get(3).health().reachability()).isEqualTo("UP");
    }

    @Test
    void withoutARingTheNodeStillReportsItself() {
        NodesBody body = NodeViews.nodes("x", MembershipState.EMPTY, Map.of(), Map.of(), NOW);

        assertThat(body.ringVersion()).isZero();
        assertThat(body.nodes()).singleElement().satisfies(n -> {
            assertThat(n.node()).isEqualTo("x");
            assertThat(n.self()).isTrue();
            assertThat(n.member()).isFalse();
        });
    }

    @Test
    void hintQueuesHaveTotalsAndTheAgeOfTheirOldest() {
        HintsBody body = NodeViews.hints("a", List.of(new HintQueue("c", 2, 300, NOW - 1500),
                new HintQueue("b", 1, 10, NOW - 20)), 7, NOW);

        assertThat(body.count()).isEqualTo(3);
        assertThat(body.bytes()).isEqualTo(310);
        assertThat(body.delivered()).isEqualTo(7);
        assertThat(body.queues()).containsExactly(new HintQueueBody("b", 1, 10, NOW - 20, 20L),
                new HintQueueBody("c", 2, 300, NOW - 1500, 1500L));
    }

    @Test
    void anEmptyQueueHasNoOldest() {
        assertThat(NodeViews.hints("a", List.of(new HintQueue("b", 0, 0, 0)), 0, NOW).queues())
                .containsExactly(new HintQueueBody("b", 0, 0, null, null));
    }
}
