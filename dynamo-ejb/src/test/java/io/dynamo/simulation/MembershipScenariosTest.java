package io.dynamo.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.DynamoException;
import io.dynamo.core.base.Key;
import io.dynamo.core.membership.ChangeRefusedException;
import io.dynamo.core.membership.JoinRefusedException;
import io.dynamo.core.membership.NodeStatus;
import io.dynamo.core.membership.RingChangingException;
import io.dynamo.core.membership.StalePlanException;
import io.dynamo.core.node.NodeAdmin;
import io.dynamo.core.node.NodeTiming;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingChange;
import io.dynamo.core.ring.RingSettings;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.testkit.LocalCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Joins and leaves under load: the ring changes by admin plans, data follows, no acknowledged key is lost. */
class MembershipScenariosTest {
    private static final int Q = 64;
    /** So that only the change's own copies can bring a dead node's data to its successors. */
    private static final NodeTiming WITHOUT_ANTI_ENTROPY = new NodeTiming(Duration.ofMillis(100),
            Duration.ofMillis(200), 50, Duration.ofHours(1), Duration.ofMillis(200));

    /** Writes new keys through random running nodes every few milliseconds; remembers the acknowledged ones. */
    private static final class Load {
        final List<String> acknowledged = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        private final LocalCluster cluster;
        private final Random random = new Random(5);
        private final String prefix;
        private int next;
        private boolean running = true;

        Load(LocalCluster cluster) {
            this(cluster, "load-");
        }

        Load(LocalCluster cluster, String prefix) {
            this.cluster = cluster;
            this.prefix = prefix;
        }

        void start() {
            cluster.scheduler().schedule(Duration.ofMillis(5), this::write);
        }

        void stop() {
            running = false;
        }

        private void write() {
            if (!running) {
                return;
            }
            List<String> up = cluster.nodeIds().stream().filter(cluster::isRunning).toList();
            String key = prefix + next++;
            try {
                cluster.node(up.get(random.nextInt(up.size())))
                        .putAsync(Key.of(key), Context.EMPTY, LocalCluster.text("v-" + key), OptionalInt.of(2))
                        .whenComplete((c, failure) -> {
                            if (failure == null) {
                                acknowledged.add(key);
                            } else {
                                refused.add(key + ": " + failure.getMessage());
                            }
                        });
            } catch (DynamoException refused) {
                // A newcomer that has not heard the ring yet refuses; the client moves on, as a real one would.
            }
            cluster.scheduler().schedule(Duration.ofMillis(5), this::write);
        }
    }

    private static void assertEveryKeyOnItsReplicas(LocalCluster cluster, List<String> keys) {
        Ring ring = cluster.ring();
        for (String key : keys) {
            PreferenceList list = ring.preferenceList(ring.partitioner().partitionOfKey(Key.of(key).bytes()), 3);
            for (String id : list.replicas()) {
                assertThat(cluster.stored(id, key).liveValues()).extracting(LocalCluster::text)
                        .as("%s on its replica %s", key, id).containsExactly("v-" + key);
            }
        }
    }

    private static void assertEveryKeyOnItsReplicasOnly(LocalCluster cluster, List<String> keys) {
        Ring ring = cluster.ring();
        for (String key : keys) {
            PreferenceList list = ring.preferenceList(ring.partitioner().partitionOfKey(Key.of(key).bytes()), 3);
            for (String id : cluster.nodeIds().stream().filter(cluster::isRunning).toList()) {
                List<String> held = cluster.stored(id, key).liveValues().stream().map(LocalCluster::text).toList();
                if (list.replicas().contains(id)) {
                    assertThat(held).as("%s on its replica %s", key, id).containsExactly("v-" + key);
                } else {
                    assertThat(held).as("%s on %s, no longer a replica", key, id).isEmpty();
                }
            }
        }
    }

    @Test
    void aFourthNodeJoinsUnderLoadAndTakesAQuarterOfThePartitionsWithNoKeyLost() {
        try (LocalCluster cluster = new LocalCluster(3, 3, 3, 2, 2, Q, LocalCluster.fastTiming())) {
            Load load = new Load(cluster);
            load.start();
            cluster.runFor(Duration.ofSeconds(2));
            PartitionPlan plan = cluster.join("n4", "n1");
            assertThat(plan.moves()).hasSize(Q / 4);
            assertThat(plan.moves()).allSatisfy(m -> assertThat(m.to()).isEqualTo("n4"));
            cluster.runFor(Duration.ofSeconds(3));
            load.stop();
            cluster.runFor(Duration.ofSeconds(30));
            assertEveryKeyOnItsReplicas(cluster, load.acknowledged);
            // A write coordinated on the old ring after its partition was streamed lands on the old owner, which
            // hands it over and drops it at its next tick rather than after the quiet period (ten minutes).
            cluster.runFor(Duration.ofSeconds(10));

            assertThat(cluster.nodeIds())
                    .allSatisfy(id -> assertThat(cluster.node(id).view().ring()).isEqualTo(plan.to()));
            assertThat(plan.to().partitionsOf("n4")).hasSize(Q / 4);
            assertThat(load.acknowledged).hasSizeGreaterThan(500);
            assertEveryKeyOnItsReplicasOnly(cluster, load.acknowledged);
            assertThat(cluster.nodeIds())
                    .allSatisfy(id -> assertThat(cluster.node(id).view().transfers().idle()).isTrue());
        }
    }

    @Test
    void aJoinOfANodeThatNeverStartedOrIsDownIsRefusedAndTheRingStaysAsItWas() {
        try (LocalCluster cluster = new LocalCluster(7, 3, 3, 2, 2, Q, LocalCluster.fastTiming())) {
            NodeAdmin admin = cluster.node("n1").admin();
            Ring before = cluster.ring();
            assertThatThrownBy(() -> cluster.commit("n1", admin.planJoin(before, Member.of("ghost"))))
                    .isInstanceOf(JoinRefusedException.class).hasMessageContaining("never been heard from");

            cluster.addNode("n4");
            cluster.runFor(Duration.ofSeconds(3));
            cluster.crash("n4");
            cluster.runFor(Duration.ofSeconds(3)); // n1's gossip and probes find n4 gone
            assertThatThrownBy(() -> cluster.commit("n1", admin.planJoin(before, Member.of("n4"))))
                    .isInstanceOf(JoinRefusedException.class).hasMessageContaining("does not answer node n1");
            assertThat(cluster.node("n1").view().ring()).isEqualTo(before);

            cluster.restart("n4");
            cluster.runFor(Duration.ofSeconds(3));
            PartitionPlan plan = admin.planJoin(before, Member.of("n4"));
            cluster.commit("n1", plan);
            assertThat(cluster.node("n1").view().ring().sameLayout(plan.to())).isTrue();
        }
    }

    /** Riak's claimant: every commit goes through the ring's first member, so of two at once exactly one wins. */
    @Test
    void twoChangesCommittedAtOnceThroughTwoNodesExactlyOneWinsAndTheOtherIsRefused() {
        try (LocalCluster cluster = new LocalCluster(8, 4, 3, 2, 2, Q, LocalCluster.fastTiming())) {
            cluster.addNode("n5");
            cluster.runFor(Duration.ofSeconds(3));
            Ring before = cluster.ring();
            PartitionPlan join = cluster.node("n2").admin().planJoin(before, Member.of("n5"));
            PartitionPlan leave = cluster.node("n3").admin().planLeave(before, "n4");
            CompletableFuture<Void> first = cluster.node("n2").admin().commit(join);
            CompletableFuture<Void> second = cluster.node("n3").admin().commit(leave);
            cluster.runFor(Duration.ofSeconds(1));

            assertThat(first).isDone();
            assertThat(second).isDone();
            assertThat(List.of(first, second)).filteredOn(f -> !f.isCompletedExceptionally()).hasSize(1);
            CompletableFuture<Void> lost = first.isCompletedExceptionally() ? first : second;
            assertThatThrownBy(lost::join).cause().isInstanceOfAny(StalePlanException.class,
                    RingChangingException.class).hasMessageContaining("refused by the claimant n1");
            PartitionPlan won = first.isCompletedExceptionally() ? leave : join;
            cluster.runFor(Duration.ofSeconds(5));
            assertThat(cluster.nodeIds()).allSatisfy(id -> assertThat(cluster.node(id).view().ring()
                    .sameLayout(won.to())).as("%s has the winner's ring", id).isTrue());
        }
    }

    /** A hint for a node that left (and was stopped) would wait forever: it goes to the key's current replicas. */
    @Test
    void hintsForANodeThatLeftGoToTheKeysCurrentReplicasAndAreThenDropped() {
        try (LocalCluster cluster = new LocalCluster(9, 4, 3, 2, 2, Q, WITHOUT_ANTI_ENTROPY)) {
            PartitionPlan leave = cluster.leave("n4", "n1");
            for (int i = 0; i < 100 && !cluster.nodeIds().stream().allMatch(id -> cluster.node(id).view().ring()
                    .equals(leave.to())); i++) {
                cluster.runFor(Duration.ofMillis(200));
            }
            assertThat(cluster.node("n1").view().ring()).as("the leave is over").isEqualTo(leave.to());
            cluster.crash("n4");
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String key = "hinted-" + i;
                keys.add(key);
                SiblingSet versions = SiblingSet.EMPTY.put(Context.EMPTY, new Dot("n4.old", i + 1),
                        LocalCluster.text("v-" + key), cluster.scheduler().nowMillis(), 10);
                cluster.hintStore("n1").add("n4", Key.of(key), versions, cluster.scheduler().nowMillis());
            }

            cluster.runFor(Duration.ofSeconds(5));

            assertThat(cluster.hintStore("n1").targets()).as("no hint left for a node that is gone").isEmpty();
            assertEveryKeyOnItsReplicas(cluster, keys);
            assertThat(cluster.node("n1").view().hints().rerouted()).isEqualTo(20);
        }
    }

    @Test
    void aNodeLeavesUnderLoadAndItsPartitionsMoveWithNoKeyLost() {
        try (LocalCluster cluster = new LocalCluster(4, 4, 3, 2, 2, Q, LocalCluster.fastTiming())) {
            Load load = new Load(cluster);
            load.start();
            cluster.runFor(Duration.ofSeconds(2));
            int owned = cluster.ring().partitionsOf("n2").size();
            PartitionPlan plan = cluster.leave("n2", "n3");
            assertThat(plan.moves()).hasSize(owned);
            assertThat(plan.moves()).allSatisfy(m -> assertThat(m.from()).isEqualTo("n2"));
            cluster.runFor(Duration.ofSeconds(3));
            load.stop();
            cluster.runFor(Duration.ofSeconds(30));
            assertEveryKeyOnItsReplicas(cluster, load.acknowledged);
            cluster.runFor(Duration.ofSeconds(10));

            assertThat(plan.to().contains("n2")).isFalse();
            assertThat(load.acknowledged).hasSizeGreaterThan(500);
            assertEveryKeyOnItsReplicasOnly(cluster, load.acknowledged);
            assertThat(cluster.storage("n2").keyCount()).as("the leaver handed everything over").isZero();
        }
    }

    /**
     * Two nodes with N=2, a third joining: the two rings' replicas are then every node, so no fallback is left
     * outside them. The newcomer stops before taking its copies and holds the change open; writes must not wait
     * for it: the replica it replaces stands in for it in the new ring, as that ring's fallback would.
     */
    @Test
    void aStoppedNewcomerHoldingAChangeOpenDoesNotStopWritesOnASmallCluster() {
        try (LocalCluster cluster = new LocalCluster(8, 2, 2, 1, 2, Q, LocalCluster.fastTiming())) {
            Load before = new Load(cluster, "before-");
            before.start();
            cluster.runFor(Duration.ofSeconds(2));
            PartitionPlan plan = cluster.join("n3", "n1");
            cluster.crash("n3");
            cluster.runFor(Duration.ofSeconds(5));
            before.stop();
            assertThat(cluster.ring().handover()).as("n3 holds the change open").isPresent();

            Load during = new Load(cluster, "during-");
            during.start();
            cluster.runFor(Duration.ofSeconds(5));
            during.stop();
            assertThat(during.acknowledged).hasSizeGreaterThan(500);
            assertThat(during.refused).as("writes refused while n3 is down and the change open").isEmpty();

            cluster.restart("n3");
            cluster.runFor(Duration.ofSeconds(60));
            assertThat(cluster.ring().handover()).as("the change ended").isEmpty();
            assertThat(cluster.ring()).isEqualTo(plan.to());
            List<String> all = new ArrayList<>(before.acknowledged);
            all.addAll(during.acknowledged);
            Ring ring = cluster.ring();
            for (String key : all) {
                int partition = ring.partitioner().partitionOfKey(Key.of(key).bytes());
                for (String id : ring.preferenceList(partition, 2).replicas()) {
                    assertThat(cluster.stored(id, key).liveValues()).extracting(LocalCluster::text)
                            .as("%s on its replica %s", key, id).containsExactly("v-" + key);
                }
            }
        }
    }

    @Test
    void aDeadNodeIsRemovedUnderLoadAndItsPartitionsAreCopiedFromTheSurvivors() {
        try (LocalCluster cluster = new LocalCluster(9, 4, 3, 2, 2, Q, WITHOUT_ANTI_ENTROPY)) {
            Load load = new Load(cluster);
            load.start();
            cluster.runFor(Duration.ofSeconds(2));
            cluster.crash("n3");
            cluster.runFor(Duration.ofSeconds(2));
            PartitionPlan plan = cluster.change("n2", RingChange.remove("n3"));
            assertThat(plan.moves()).allSatisfy(m -> assertThat(m.from()).isEqualTo("n3"));
            cluster.runFor(Duration.ofSeconds(3));
            load.stop();
            cluster.runFor(Duration.ofSeconds(30));

            assertThat(cluster.ring().handover()).as("the change ended without the dead node").isEmpty();
            assertThat(cluster.ring().contains("n3")).isFalse();
            assertThat(cluster.node("n1").view().members().state().node("n3").orElseThrow().status())
                    .as("a removed node is marked LEFT").isEqualTo(NodeStatus.LEFT);
            assertThat(load.acknowledged).hasSizeGreaterThan(500);
            assertEveryKeyOnItsReplicas(cluster, load.acknowledged);
        }
    }

    @Test
    void theDeadClaimantItselfCanBeReplacedAndTheNewcomerTakesExactlyItsPartitions() {
        try (LocalCluster cluster = new LocalCluster(10, 4, 3, 2, 2, Q, WITHOUT_ANTI_ENTROPY)) {
            Load load = new Load(cluster);
            load.start();
            cluster.runFor(Duration.ofSeconds(2));
            List<Integer> owned = cluster.ring().partitionsOf("n1");
            cluster.crash("n1");
            cluster.addNode("n5");
            cluster.runFor(Duration.ofSeconds(2));
            PartitionPlan plan = cluster.change("n3", RingChange.replace("n1", "n5"));
            cluster.runFor(Duration.ofSeconds(3));
            load.stop();
            cluster.runFor(Duration.ofSeconds(30));

            assertThat(cluster.ring().handover()).isEmpty();
            assertThat(cluster.ring().partitionsOf("n5")).isEqualTo(owned);
            assertThat(plan.moves()).hasSize(owned.size());
            assertThat(load.acknowledged).hasSizeGreaterThan(500);
            assertEveryKeyOnItsReplicasOnly(cluster, load.acknowledged);
        }
    }

    @Test
    void twoJoinsAndALeaveInOnePlanAreOneRingChangeUnderLoad() {
        try (LocalCluster cluster = new LocalCluster(11, 3, 3, 2, 2, Q, LocalCluster.fastTiming())) {
            Load load = new Load(cluster);
            load.start();
            cluster.runFor(Duration.ofSeconds(2));
            long before = cluster.ring().version();
            cluster.addNode("n4");
            cluster.addNode("n5");
            PartitionPlan plan = cluster.change("n1", RingChange.join("n4", 1), RingChange.join("n5", 1),
                    RingChange.leave("n2"));
            assertThat(plan.to().version()).isEqualTo(before + 1);
            cluster.runFor(Duration.ofSeconds(3));
            load.stop();
            cluster.runFor(Duration.ofSeconds(40));

            assertThat(cluster.ring()).isEqualTo(plan.to());
            assertThat(cluster.ring().handover()).isEmpty();
            assertThat(load.acknowledged).hasSizeGreaterThan(500);
            assertEveryKeyOnItsReplicasOnly(cluster, load.acknowledged);
            assertThat(cluster.storage("n2").keyCount()).as("the leaver handed everything over").isZero();
        }
    }

    @Test
    void aLeaveBelowNAndARemoveOfALiveNodeAreRefusedAndTheRingStays() {
        try (LocalCluster cluster = new LocalCluster(12, 3, 3, 2, 2, Q, LocalCluster.fastTiming())) {
            Ring before = cluster.ring();
            NodeAdmin admin = cluster.node("n1").admin();
            assertThatThrownBy(() -> admin.planLeave(before, "n3")).isInstanceOf(ChangeRefusedException.class)
                    .hasMessageContaining("would leave 2 nodes").hasMessageContaining("fewer than the 3 replicas");
            PartitionPlan remove = admin.plan(before, List.of(RingChange.remove("n3")));
            assertThatThrownBy(() -> cluster.commit("n2", remove)).isInstanceOf(ChangeRefusedException.class)
                    .hasMessageContaining("node n3 still answers").hasMessageContaining("refused by the claimant n1");
            cluster.runFor(Duration.ofSeconds(2));
            assertThat(cluster.nodeIds()).allSatisfy(id -> assertThat(cluster.node(id).view().ring())
                    .isEqualTo(before));
        }
    }

    @Test
    void aNodeSetToOtherReplicationSettingsUsesTheClustersAndJoins() {
        try (LocalCluster cluster = new LocalCluster(13, 3, 3, 2, 2, Q, LocalCluster.fastTiming())) {
            Ring before = cluster.ring();
            assertThat(before.settings()).as("the cluster keeps its settings with the ring")
                    .contains(new RingSettings(3, 2, 2));
            cluster.addNode("n4", 2, 1, 1);
            cluster.runFor(Duration.ofSeconds(3));
            assertThat(cluster.node("n4").view().ring()).as("it takes the cluster's ring").isEqualTo(before);

            cluster.change("n2", RingChange.join("n4", 1));
            cluster.runFor(Duration.ofSeconds(20));
            assertThat(cluster.ring().contains("n4")).isTrue();
            cluster.put("n4", "k", Context.EMPTY, "v", 3);
            assertThat(cluster.get("n4", "k", 3).values()).as("w=3 and r=3 fit the cluster's N=3, not n4's N=2")
                    .extracting(LocalCluster::text).containsExactly("v");
        }
    }

    @Test
    void aJoinOfANodeOfAnOlderReleaseThatCannotReadTheRingIsRefusedNamingWhy() {
        try (LocalCluster cluster = new LocalCluster(17, 3, 3, 2, 2, Q, LocalCluster.fastTiming())) {
            Ring before = cluster.ring();
            cluster.network().wireFormat("n4", 2);
            cluster.addNode("n4");
            cluster.runFor(Duration.ofSeconds(3));
            PartitionPlan join = cluster.node("n1").admin().planJoin(before, Member.of("n4"));
            assertThatThrownBy(() -> cluster.commit("n2", join)).isInstanceOf(JoinRefusedException.class)
                    .hasMessageContaining("node n4 runs an older release, whose wire format cannot carry ring v"
                            + before.version() + " (it keeps the cluster's N=3 R=2 W=2)");
            assertThat(cluster.ring()).isEqualTo(before);
        }
    }

    @Test
    void aNewcomerThatDiesDuringItsJoinIsRemovedAndTheChangeEndsWithoutIt() {
        try (LocalCluster cluster = new LocalCluster(18, 4, 3, 2, 2, Q, WITHOUT_ANTI_ENTROPY)) {
            Load load = new Load(cluster);
            load.start();
            cluster.runFor(Duration.ofSeconds(2));
            cluster.addNode("n5");
            PartitionPlan join = cluster.change("n1", RingChange.join("n5", 1));
            awaitRing(cluster, join.to().version());
            assertThat(cluster.node("n2").view().ring().handover()).as("the join is under way").isPresent();
            cluster.destroy("n5");
            assertThatThrownBy(() -> cluster.change("n2", RingChange.leave("n4")))
                    .isInstanceOf(RingChangingException.class).hasMessageContaining("only a remove, or a replace");
            PartitionPlan remove = amend(cluster, "n2", RingChange.remove("n5"));
            assertThat(remove.to().version()).isEqualTo(join.to().version() + 1);
            cluster.runFor(Duration.ofSeconds(3));
            load.stop();
            cluster.runFor(Duration.ofSeconds(30));

            assertThat(cluster.ring().handover()).as("the change ended without the dead newcomer").isEmpty();
            assertThat(cluster.ring().contains("n5")).isFalse();
            assertThat(cluster.ring().members()).hasSize(4);
            assertThat(load.acknowledged).hasSizeGreaterThan(500);
            assertEveryKeyOnItsReplicasOnly(cluster, load.acknowledged);
        }
    }

    @Test
    void aNewcomerThatDiesDuringItsJoinIsReplacedAndTheReplacementGetsItsPartitions() {
        try (LocalCluster cluster = new LocalCluster(19, 4, 3, 2, 2, Q, WITHOUT_ANTI_ENTROPY)) {
            Load load = new Load(cluster);
            load.start();
            cluster.runFor(Duration.ofSeconds(2));
            cluster.addNode("n5");
            PartitionPlan join = cluster.change("n1", RingChange.join("n5", 1));
            awaitRing(cluster, join.to().version());
            assertThat(cluster.node("n3").view().ring().handover()).as("the join is under way").isPresent();
            List<Integer> owned = cluster.node("n1").view().ring().partitionsOf("n5");
            cluster.destroy("n5");
            cluster.addNode("n6");
            amend(cluster, "n3", RingChange.replace("n5", "n6"));
            cluster.runFor(Duration.ofSeconds(3));
            load.stop();
            cluster.runFor(Duration.ofSeconds(30));

            assertThat(cluster.ring().handover()).isEmpty();
            assertThat(cluster.ring().partitionsOf("n6")).isEqualTo(owned);
            assertThat(load.acknowledged).hasSizeGreaterThan(500);
            assertEveryKeyOnItsReplicasOnly(cluster, load.acknowledged);
        }
    }

    /** Runs until every running node has heard of ring {@code version}. */
    private static void awaitRing(LocalCluster cluster, long version) {
        for (int i = 0; i < 100 && cluster.nodeIds().stream().filter(cluster::isRunning)
                .anyMatch(id -> cluster.node(id).view().knownRing().map(Ring::version).orElse(0L) < version); i++) {
            cluster.runFor(Duration.ofMillis(20));
        }
    }

    /** Commits a change that drops a dead node once the claimant finds it down (refused while it may answer). */
    private static PartitionPlan amend(LocalCluster cluster, String via, RingChange change) {
        for (int tries = 0; ; tries++) {
            try {
                return cluster.change(via, change);
            } catch (ChangeRefusedException | RingChangingException | StalePlanException notDownYet) {
                if (tries > 50) {
                    throw notDownYet;
                }
                cluster.runFor(Duration.ofMillis(100));
            }
        }
    }

    @Test
    void nGrowsThroughAPlanUnderLoadAndEveryKeyEndsOnItsNewReplicasOnly() {
        try (LocalCluster cluster = new LocalCluster(14, 4, 3, 2, 2, Q, WITHOUT_ANTI_ENTROPY)) {
            Load load = new Load(cluster);
            load.start();
            cluster.runFor(Duration.ofSeconds(2));
            PartitionPlan plan = cluster.change("n3", RingChange.settings(new RingSettings(4, 2, 3)));
            assertThat(plan.moves()).as("no partition changes owner").isEmpty();
            cluster.runFor(Duration.ofSeconds(3));
            load.stop();
            cluster.runFor(Duration.ofSeconds(30));

            assertThat(cluster.ring().handover()).isEmpty();
            assertThat(cluster.ring().settings()).contains(new RingSettings(4, 2, 3));
            assertThat(load.acknowledged).hasSizeGreaterThan(500);
            assertThat(load.refused).as("no write refused during the change").isEmpty();
            assertEveryKeyOnItsReplicasOnly(cluster, load.acknowledged);
            assertThat(cluster.ring().preferenceList(0, 3).replicas()).as("the ring's N, not the nodes' own")
                    .hasSize(4);
        }
    }

    @Test
    void nShrinksThroughAPlanUnderLoadAndTheDroppedReplicasLetGoOfTheirCopies() {
        try (LocalCluster cluster = new LocalCluster(15, 4, 3, 2, 2, Q, WITHOUT_ANTI_ENTROPY)) {
            Load load = new Load(cluster);
            load.start();
            cluster.runFor(Duration.ofSeconds(2));
            cluster.change("n1", RingChange.settings(new RingSettings(2, 1, 2)));
            cluster.runFor(Duration.ofSeconds(3));
            load.stop();
            cluster.runFor(Duration.ofSeconds(30));

            assertThat(cluster.ring().handover()).isEmpty();
            assertThat(load.acknowledged).hasSizeGreaterThan(500);
            assertThat(load.refused).as("no write refused during the change").isEmpty();
            assertEveryKeyOnItsReplicasOnly(cluster, load.acknowledged);
            long copies = cluster.nodeIds().stream().mapToLong(id -> cluster.storage(id).keyCount()).sum();
            assertThat(copies).as("two copies of each key").isEqualTo(2L * load.acknowledged.size());
        }
    }

    @Test
    void settingsThatDoNotFitAreRefusedAndTheRingStays() {
        try (LocalCluster cluster = new LocalCluster(16, 3, 3, 2, 2, Q, LocalCluster.fastTiming())) {
            Ring before = cluster.ring();
            NodeAdmin admin = cluster.node("n1").admin();
            assertThatThrownBy(() -> admin.plan(before, List.of(RingChange.settings(new RingSettings(4, 2, 3)))))
                    .hasMessageContaining("N=4 needs at least 4 nodes but ring v" + (before.version() + 1)
                            + " would have 3");
            assertThatThrownBy(() -> admin.plan(before, List.of(RingChange.settings(new RingSettings(3, 2, 2)))))
                    .hasMessageContaining("already keeps N=3 R=2 W=2");
            assertThatThrownBy(() -> admin.plan(before, List.of(RingChange.settings(new RingSettings(1, 1, 1)))))
                    .hasMessageContaining("requests use the larger R and W")
                    .hasMessageContaining("first lower R and W in a change of their own");
            assertThatThrownBy(() -> admin.plan(before, List.of(RingChange.settings(new RingSettings(2, 1, 2)),
                    RingChange.leave("n3"), RingChange.leave("n2")))).hasMessageContaining("would leave 1 node");
            cluster.runFor(Duration.ofSeconds(1));
            assertThat(cluster.ring()).isEqualTo(before);
        }
    }
}
