package io.dynamo.simulation;

import static io.dynamo.testkit.LocalCluster.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.Key;
import io.dynamo.core.coordination.InsufficientReplicasException;
import io.dynamo.core.handoff.HintSettings;
import io.dynamo.core.node.NodeTiming;
import io.dynamo.core.node.ReadResult;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.version.Context;
import io.dynamo.testkit.LocalCluster;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReplicationScenariosTest {
    private final LocalCluster cluster = new LocalCluster(42, 5, 3, 2, 2, 16, LocalCluster.fastTiming());

    @AfterEach
    void stop() {
        cluster.close();
    }

    private PreferenceList listOf(String key) {
        return cluster.ring().preferenceList(cluster.ring().partitioner().partitionOfKey(Key.of(key).bytes()), 3);
    }

    @Test
    void aWriteReachesAllThreeReplicasAndNoOneElse() {
        PreferenceList list = listOf("k");
        cluster.put(list.replicas().get(0), "k", Context.EMPTY, "v", 2);
        cluster.runFor(Duration.ofMillis(50));
        for (String id : cluster.nodeIds()) {
            boolean replica = list.replicas().contains(id);
            assertThat(cluster.stored(id, "k").liveValues()).as(id)
                    .hasSize(replica ? 1 : 0);
        }
    }

    @Test
    void aNodeThatIsNotAReplicaForwardsToOne() {
        PreferenceList list = listOf("k");
        String outsider = list.fallbacks().get(0);
        Context c = cluster.put(outsider, "k", Context.EMPTY, "v", 2);
        ReadResult read = cluster.get(list.fallbacks().get(1), "k", 2);
        assertThat(read.values()).extracting(LocalCluster::text).containsExactly("v");
        assertThat(read.context()).isEqualTo(c);
        assertThat(cluster.stored(outsider, "k").isEmpty()).isTrue();
    }

    @Test
    void withOneReplicaDownAWriteSucceedsThroughAFallbackAndTheHintReachesTheOwnerWhenItReturns() {
        PreferenceList list = listOf("k");
        String down = list.replicas().get(2);
        String fallback = list.fallbacks().get(0);
        cluster.crash(down);
        String coordinator = list.replicas().get(0);
        // The coordinator learns the replica is gone on the first write, then routes around it.
        cluster.put(coordinator, "warm-up-" + down, Context.EMPTY, "x", 1);
        cluster.put(coordinator, "k", Context.EMPTY, "v", 2);
        cluster.runFor(Duration.ofMillis(300));
        assertThat(cluster.hintStore(fallback).targets()).contains(down);
        assertThat(cluster.stored(fallback, "k").isEmpty()).as("a hint is not the fallback's own data").isTrue();
        assertThat(cluster.get(coordinator, "k", 3).values()).extracting(LocalCluster::text).containsExactly("v");

        cluster.restart(down);
        cluster.runFor(Duration.ofSeconds(3));
        assertThat(cluster.stored(down, "k").liveValues()).extracting(LocalCluster::text).containsExactly("v");
        assertThat(cluster.hintStore(fallback).queues()).isEmpty();
        assertThat(cluster.node(fallback).view().hints().delivered()).isPositive();
    }

    @Test
    void aStandInThatRefusesTheHintDoesNotCountSoTheWriteStillNeedsWRealAcknowledgements() {
        HintSettings oneByte = new HintSettings(Duration.ofHours(3), 1, 1, Duration.ofHours(3));
        try (LocalCluster capped = new LocalCluster(42, 5, 3, 2, 2, 16,
                LocalCluster.fastTiming().withHints(oneByte))) {
            PreferenceList list = capped.ring().preferenceList(
                    capped.ring().partitioner().partitionOfKey(Key.of("k").bytes()), 3);
            String coordinator = list.replicas().get(0);
            capped.crash(list.replicas().get(2));
            capped.put(coordinator, "warm-up", Context.EMPTY, "x", 1);
            assertThatThrownBy(() -> capped.put(coordinator, "k", Context.EMPTY, "v", 3))
                    .hasCauseInstanceOf(InsufficientReplicasException.class).hasMessageContaining("needed 3");
            capped.put(coordinator, "k2", Context.EMPTY, "v", 2);
            capped.runFor(Duration.ofMillis(300));
            long refused = 0;
            for (String id : capped.nodeIds()) {
                if (capped.isRunning(id)) {
                    assertThat(capped.hintStore(id).targets()).as("hints held by %s", id).isEmpty();
                    refused += capped.node(id).view().hints().refused();
                }
            }
            assertThat(refused).as("hints refused at the cap").isPositive();
        }
    }

    @Test
    void inAClusterOfNNodesTheCoordinatorKeepsTheHintForADownReplica() {
        try (LocalCluster three = new LocalCluster(21, 3, 3, 2, 2, 8, LocalCluster.fastTiming())) {
            three.crash("n3");
            three.put("n1", "warm-up", Context.EMPTY, "x", 1);
            three.put("n1", "k", Context.EMPTY, "v", 2);
            three.runFor(Duration.ofMillis(300));
            assertThat(three.hintStore("n1").targets()).as("no fallback exists: n1 holds it").contains("n3");
            three.restart("n3");
            three.runFor(Duration.ofSeconds(3));
            assertThat(three.stored("n3", "k").liveValues()).extracting(LocalCluster::text).containsExactly("v");
            assertThat(three.hintStore("n1").targets()).isEmpty();
        }
    }

    @Test
    void readRepairBringsAStaleReplicaUpToDate() {
        // The coordinator reads R=2 copies: its own and the next replica's, the stale one, so the answers disagree.
        assertReadRepairs(1, 2, true);
    }

    @Test
    void aStaleReplicaNotReadIsLeftToHandoffAndAntiEntropyWhenTheCopiesReadAgree() {
        assertReadRepairs(2, 2, false);
    }

    @Test
    void aReadOfEveryReplicaRepairsTheStaleOne() {
        assertReadRepairs(2, 3, true);
    }

    @Test
    void aGetWhoseSecondReplicaIsSilentReadsTheThirdAfterTheSpeculativeDelay() {
        try (LocalCluster c = new LocalCluster(7, 3, 3, 2, 2, 16, NodeTiming.DEFAULTS)) {
            c.put(c.nodeIds().get(0), "k", Context.EMPTY, "v", 3);
            PreferenceList list = c.ring().preferenceList(
                    c.ring().partitioner().partitionOfKey(Key.of("k").bytes()), 3);
            String coordinator = list.replicas().get(0);
            String silent = list.replicas().get(1);
            c.network().cutOneWay(coordinator, silent);
            long before = c.node(coordinator).view().speculativeReads();
            ReadResult read = c.get(coordinator, "k", 2);
            assertThat(read.values()).extracting(LocalCluster::text).containsExactly("v");
            assertThat(c.node(coordinator).view().speculativeReads()).isEqualTo(before + 1);
        }
    }

    private static void assertReadRepairs(int staleIndex, int r, boolean repaired) {
        // Hint delivery held back for an hour, so only read repair can fix the replica.
        NodeTiming noHandoff = new NodeTiming(Duration.ofMillis(100), Duration.ofHours(1), 50, Duration.ofHours(1),
                Duration.ofMillis(200));
        try (LocalCluster slow = new LocalCluster(7, 5, 3, 2, 2, 16, noHandoff)) {
            PreferenceList list = slow.ring().preferenceList(
                    slow.ring().partitioner().partitionOfKey(Key.of("k").bytes()), 3);
            String coordinator = list.replicas().get(0);
            String stale = list.replicas().get(staleIndex);
            slow.network().partition(Set.of(stale), Set.copyOf(slow.nodeIds()));
            slow.put(coordinator, "k", Context.EMPTY, "new", 2);
            slow.network().heal();
            slow.runFor(Duration.ofSeconds(1));
            assertThat(slow.stored(stale, "k").isEmpty()).isTrue();

            ReadResult read = slow.get(coordinator, "k", r);
            assertThat(read.values()).extracting(LocalCluster::text).containsExactly("new");
            slow.runFor(Duration.ofMillis(500));
            assertThat(slow.stored(stale, "k").liveValues()).extracting(LocalCluster::text)
                    .isEqualTo(repaired ? List.of("new") : List.of());
            assertThat(slow.node(coordinator).view().repairs().readRepairs()).isEqualTo(repaired ? 1 : 0);
        }
    }

    @Test
    void withHintsHeldBackAntiEntropyRepairsAReplicaThatMissedWritesExchangingOnlyTheDifferingKeys() {
        NodeTiming noHandoff = new NodeTiming(Duration.ofMillis(100), Duration.ofHours(1), 50,
                Duration.ofMillis(200), Duration.ofMillis(200));
        try (LocalCluster c = new LocalCluster(11, 3, 3, 2, 2, 8, noHandoff)) {
            for (int i = 0; i < 300; i++) {
                c.put("n1", "before-" + i, Context.EMPTY, "v" + i, 3);
            }
            c.network().partition(Set.of("n3"), Set.of("n1", "n2"));
            for (int i = 0; i < 40; i++) {
                c.put("n1", "missed-" + i, Context.EMPTY, "m" + i, 2);
            }
            c.network().heal();
            long comparedBefore = c.node("n3").view().repairs().antiEntropy().keysCompared();
            c.runFor(Duration.ofSeconds(10));
            for (int i = 0; i < 40; i++) {
                assertThat(c.stored("n3", "missed-" + i).liveValues()).extracting(LocalCluster::text)
                        .containsExactly("m" + i);
            }
            var n3 = c.node("n3").view().repairs().antiEntropy();
            var n1 = c.node("n1").view().repairs().antiEntropy();
            var n2 = c.node("n2").view().repairs().antiEntropy();
            long repairedOnN3 = n3.keysRepaired() + n1.keysSent() + n2.keysSent();
            assertThat(repairedOnN3).as("the 40 missed keys, each sent at most once per peer").isBetween(40L, 80L);
            assertThat(n3.keysCompared() - comparedBefore + n1.keysCompared() + n2.keysCompared())
                    .as("only keys of differing segments are compared, not all 340 per exchange")
                    .isLessThan(340L * 3);
        }
    }

    @Test
    void concurrentWritesOnBothSidesOfAPartitionComeBackAsSiblings() {
        PreferenceList list = listOf("k");
        List<String> replicas = list.replicas();
        Context base = cluster.put(replicas.get(0), "k", Context.EMPTY, "base", 3);
        Set<String> left = Set.of(replicas.get(0), list.fallbacks().get(0));
        Set<String> right = Set.of(replicas.get(1), replicas.get(2), list.fallbacks().get(1));
        cluster.network().partition(left, right);
        cluster.put(replicas.get(0), "k", base, "left", 1);
        cluster.put(replicas.get(1), "k", base, "right", 2);
        cluster.network().heal();
        cluster.runFor(Duration.ofSeconds(3));
        ReadResult read = cluster.get(replicas.get(2), "k", 3);
        assertThat(read.values()).extracting(LocalCluster::text).containsExactlyInAnyOrder("left", "right");
        cluster.put(replicas.get(2), "k", read.context(), "merged", 3);
        assertThat(cluster.get(replicas.get(0), "k", 3).values()).extracting(LocalCluster::text)
                .containsExactly("merged");
    }

    @Test
    void tooFewReplicasFailsWithHowManyWereNeededAndHowManyAnswered() {
        PreferenceList list = listOf("k");
        String coordinator = list.replicas().get(0);
        Set<String> others = Set.copyOf(cluster.nodeIds().stream().filter(n -> !n.equals(coordinator)).toList());
        cluster.network().partition(Set.of(coordinator), others);
        var attempt = cluster.node(coordinator).putAsync(Key.of("k"), Context.EMPTY, text("v"), OptionalInt.of(2));
        cluster.scheduler().runUntil(attempt, Duration.ofSeconds(5));
        assertThatThrownBy(attempt::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(InsufficientReplicasException.class)
                .hasMessageContaining("needed 2 replicas but 1 answered");
    }
}
