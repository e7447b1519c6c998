package io.dynamo.core.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GossipTest {
    private static final List<String> FIVE = List.of("n1", "n2", "n3", "n4", "n5");
    private static final Duration LIMIT = Duration.ofSeconds(10);

    /** Five nodes that all start from a stored five-member ring, as after earlier joins. */
    private static GossipCluster five(long seed) {
        GossipCluster cluster = new GossipCluster(seed);
        Ring ring = Ring.initial(GossipCluster.Q, FIVE.stream().map(Member::of).toList())
                .withSettings(RingSettings.majority(3));
        List<NodeInfo> nodes = FIVE.stream().map(id -> new NodeInfo(id, "", NodeStatus.JOINED, 1)).toList();
        for (String id : FIVE) {
            cluster.store(id).save(MembershipState.of(ring, nodes));
            cluster.start(id, false, List.of("n1"));
        }
        return cluster;
    }

    @Test
    void aRingChangeCommittedAtOneNodeReachesAllWithinAFewRounds() {
        List<Long> times = new ArrayList<>();
        for (long seed = 1; seed <= 30; seed++) {
            GossipCluster cluster = five(seed);
            cluster.scheduler.advance(Duration.ofMillis(300 + seed * 17)); // commit at some point between rounds
            MembershipService admin = cluster.node(FIVE.get((int) (seed % 5))).membership();
            PartitionPlan plan = admin.planLeave("n5");
            admin.commit(plan);
            long took = cluster.runUntil(n -> n.ring() != null && plan.to().sameLayout(n.ring()), LIMIT);
            assertThat(took).as("seed %d: every node has ring v2 within %s", seed, LIMIT).isBetween(0L, 9_999L);
            times.add(took);
            // The leaver learns it is LEAVING, and every node learns that too.
            assertThat(cluster.runUntil(n -> n.membership().state().node("n5").orElseThrow().status()
                    == NodeStatus.LEAVING, LIMIT)).isNotNegative();
        }
        assertThat(times.stream().mapToLong(Long::longValue).average().orElseThrow())
                .as("average over seeds, ms: %s", times).isLessThan(5_000);
    }

    @Test
    void everyNodeLearnsEveryNodesKeyCountAndKeepsOnlyTheNewest() {
        GossipCluster cluster = five(3);
        assertThat(cluster.runUntil(n -> FIVE.stream().allMatch(id -> n.loads().of(id).isPresent()), LIMIT))
                .as("every node knows every node's load").isNotNegative();
        NodeLoad n3 = cluster.node("n1").loads().of("n3").orElseThrow();
        assertThat(n3.keysStored()).isEqualTo(200);

        LoadTable table = cluster.node("n1").loads();
        table.merge(Map.of("n3", new NodeLoad(999, n3.measuredAtMillis() - 1)));
        assertThat(table.of("n3")).as("an older measurement never replaces a newer one").contains(n3);
        table.merge(Map.of("n3", new NodeLoad(7, n3.measuredAtMillis() + 1)));
        assertThat(table.of("n3").orElseThrow().keysStored()).isEqualTo(7);
    }

    @Test
    void gossipConvergesUnderMessageLoss() {
        GossipCluster cluster = five(7);
        cluster.network.loss(0.3);
        MembershipService admin = cluster.node("n2").membership();
        PartitionPlan plan = admin.planJoin(Member.of("n6"));
        admin.commit(plan);
        assertThat(cluster.runUntil(n -> n.ring() != null && plan.to().sameLayout(n.ring()), Duration.ofSeconds(30))).isNotNegative();
    }

    @Test
    void aRestartedNodeKeepsItsStateAndCatchesUpOnWhatItMissed() {
        GossipCluster cluster = five(3);
        MembershipService admin = cluster.node("n1").membership();
        PartitionPlan first = admin.planJoin(Member.of("n6"));
        admin.commit(first);
        assertThat(cluster.runUntil(n -> n.ring() != null && first.to().sameLayout(n.ring()), LIMIT)).isNotNegative();
        MembershipState beforeCrash = cluster.node("n4").membership().state();

        cluster.crash("n4");
        States.finishChange(admin);
        PartitionPlan second = admin.planLeave("n6");
        admin.commit(second);
        cluster.network.partition(Set.of("n4"), Set.of("n1", "n2", "n3", "n5"));
        GossipCluster.Node restarted = cluster.start("n4", false, List.of("n1"));
        assertThat(restarted.membership().state()).as("straight from its store").isEqualTo(beforeCrash);
        cluster.scheduler.advance(Duration.ofSeconds(5));
        assertThat(restarted.ring().sameLayout(first.to())).as("cut off, it keeps what it had").isTrue();

        cluster.network.heal();
        assertThat(cluster.runUntil(n -> n.ring() != null && second.to().sameLayout(n.ring()), LIMIT)).isNotNegative();
    }

    @Test
    void aNewcomerWithOnlyASeedLearnsTheRingAndCanThenBeJoined() {
        GossipCluster cluster = five(11);
        GossipCluster.Node newcomer = cluster.start("n6", false, List.of("n3"));
        assertThat(newcomer.ring()).isNull();
        Ring ring = cluster.node("n1").ring();

        assertThat(cluster.runUntil(n -> ring.equals(n.ring()), LIMIT)).isNotNegative();
        // Its own record spread too: every node sees it waiting to join, with its address.
        assertThat(cluster.runUntil(n -> n.membership().state().node("n6")
                .filter(r -> r.status() == NodeStatus.JOINING && r.httpAddress().equals("http://n6:8080"))
                .isPresent(), LIMIT)).isNotNegative();

        MembershipService admin = cluster.node("n2").membership();
        PartitionPlan join = admin.planJoin(Member.of("n6"));
        admin.commit(join);
        assertThat(cluster.runUntil(n -> n.ring() != null && join.to().sameLayout(n.ring())
                && n.membership().state().node("n6").orElseThrow().status() == NodeStatus.JOINED, LIMIT))
                .isNotNegative();
        assertThat(newcomer.ring().partitionsOf("n6")).hasSizeBetween(GossipCluster.Q / 6 - 1,
                GossipCluster.Q / 6 + 1);
    }

    @Test
    void twoAdminsCommittingAtOnceEndWithTheSameRingEverywhere() {
        GossipCluster cluster = five(5);
        cluster.network.partition(Set.of("n1", "n2"), Set.of("n3", "n4", "n5"));
        PartitionPlan viaA = cluster.node("n1").membership().planJoin(Member.of("a-node"));
        PartitionPlan viaZ = cluster.node("n4").membership().planJoin(Member.of("z-node"));
        cluster.node("n1").membership().commit(viaA);
        cluster.node("n4").membership().commit(viaZ);
        cluster.scheduler.advance(Duration.ofSeconds(3));
        cluster.network.heal();
        assertThat(cluster.runUntil(n -> n.ring() != null && viaZ.to().sameLayout(n.ring()), LIMIT)).isNotNegative();
        assertThat(cluster.node("n1").membership().state().node("a-node").orElseThrow().status())
                .as("the losing plan's newcomer is still waiting to join")
                .isEqualTo(NodeStatus.JOINING);
    }

    @Test
    void aLoneBootstrappedNodeHasNobodyToGossipWith() {
        GossipCluster cluster = new GossipCluster(1);
        GossipCluster.Node a = cluster.start("a", true, List.of());
        assertThat(a.gossiper().candidates()).isEmpty();
        assertThat(a.gossiper().gossipOnce().join()).isEmpty();
        GossipCluster.Node b = cluster.start("b", false, List.of("a", "b"));
        assertThat(b.gossiper().candidates()).containsExactly("a");
    }
}
