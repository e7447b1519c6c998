package io.dynamo.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.antientropy.RemoveTombstone;
import io.dynamo.core.antientropy.TombstoneSettings;
import io.dynamo.core.base.Key;
import io.dynamo.core.node.NodeTiming;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Partitioner;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.transport.ClusterTransport;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.testkit.LocalCluster;
import io.dynamo.testkit.NodeWiring;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deletes leave tombstones; these go once every replica holds the same one and the grace period has passed. */
class TombstoneReapingTest {
    private static final Duration GRACE = Duration.ofMinutes(1);
    private static final int Q = 8;

    private static final NodeTiming TIMING = LocalCluster.fastTiming()
            .withTombstones(new TombstoneSettings(GRACE, Duration.ofMillis(500), 100));

    private final LocalCluster cluster = new LocalCluster(7, 4, 3, 2, 2, Q, TIMING);

    @AfterEach
    void stop() {
        cluster.close();
    }

    private PreferenceList listOf(String key) {
        return cluster.ring().preferenceList(cluster.ring().partitioner().partitionOfKey(Key.of(key).bytes()), 3);
    }

    private Context delete(String via, String key, Context context, int w) {
        return cluster.await(cluster.node(via).deleteAsync(Key.of(key), context, OptionalInt.of(w)));
    }

    /** Long enough for every node to visit each partition it leads a few times. */
    private void checkEveryPartition() {
        cluster.runFor(Duration.ofMillis(500).multipliedBy(Q * 3L));
    }

    @Test
    void aTombstoneEveryReplicaHoldsGoesAfterTheGracePeriod() {
        PreferenceList list = listOf("gone");
        String coordinator = list.replicas().get(0);
        Context written = cluster.put(coordinator, "gone", Context.EMPTY, "v", 3);
        delete(coordinator, "gone", written, 3);
        cluster.put(coordinator, "kept", Context.EMPTY, "stays", 3);

        checkEveryPartition();
        for (String id : list.replicas()) {
            assertThat(cluster.stored(id, "gone").isDeleted()).as("tombstone on %s within the grace period", id).isTrue();
        }

        cluster.runFor(GRACE);
        checkEveryPartition();
        for (String id : cluster.nodeIds()) {
            assertThat(cluster.stored(id, "gone").isEmpty()).as("key removed on %s", id).isTrue();
        }
        assertThat(cluster.get(coordinator, "gone", 3).values()).isEmpty();
        assertThat(cluster.get(coordinator, "kept", 3).values()).hasSize(1);
        long removed = cluster.nodeIds().stream()
                .mapToLong(id -> cluster.node(id).view().repairs().tombstonesReaped()).sum();
        assertThat(removed).isEqualTo(3);

        // The key can be written afresh.
        cluster.put(coordinator, "gone", Context.EMPTY, "again", 2);
        assertThat(cluster.get(coordinator, "gone", 2).values()).hasSize(1);
    }

    @Test
    void aReplicaThatMissedTheDeleteBlocksRemovalAndNeverBringsTheValueBack() {
        PreferenceList list = listOf("gone");
        String coordinator = list.replicas().get(0);
        String missing = list.replicas().get(2);
        Context written = cluster.put(coordinator, "gone", Context.EMPTY, "old", 3);
        cluster.crash(missing);
        delete(coordinator, "gone", written, 2);

        cluster.runFor(GRACE.multipliedBy(2));
        checkEveryPartition();
        for (String id : list.replicas().subList(0, 2)) {
            assertThat(cluster.stored(id, "gone").isDeleted()).as("tombstone kept on %s while %s is down", id, missing)
                    .isTrue();
        }

        cluster.restart(missing);
        assertThat(cluster.stored(missing, "gone").liveValues()).as("the stale copy").hasSize(1);
        cluster.runFor(GRACE);
        checkEveryPartition();
        for (String id : cluster.nodeIds()) {
            assertThat(cluster.stored(id, "gone").liveValues()).as("no value on %s", id).isEmpty();
        }
        assertThat(cluster.get(coordinator, "gone", 3).values()).isEmpty();
        for (String id : list.replicas()) {
            assertThat(cluster.stored(id, "gone").isEmpty()).as("key removed on %s at last", id).isTrue();
        }
    }

    @Test
    void aDeleteStaysDeletedWhileClockDifferenceAndHintDelayTogetherStayUnderTheGracePeriod() {
        assertThat(valuesAfterDeletingWhileAHintIsHeld(Duration.ofSeconds(20))).isEmpty();
    }

    /**
     * A tombstone's age is the first replica's clock minus the times the writers' clocks stamped in it. When the writer
     * lags the first replica by more than the grace period, the tombstone goes at once, and a version held back
     * elsewhere comes back: the grace period must cover the nodes' clock difference too.
     */
    @Test
    void aWriterWhoseClockLagsByMoreThanTheGracePeriodLetsAHeldHintBringADeletedValueBack() {
        assertThat(valuesAfterDeletingWhileAHintIsHeld(GRACE.plusMinutes(1))).containsExactly("old");
    }

    /**
     * The second replica, whose clock is {@code lag} behind the others', writes the key while the third replica is cut
     * off, which leaves a hint for it on a fallback; the fallback is then cut off in turn, and the second replica
     * deletes the key on all three replicas. A grace period after the fallback rejoins, what a read returns.
     */
    private static List<String> valuesAfterDeletingWhileAHintIsHeld(Duration lag) {
        List<String> ids = List.of("n1", "n2", "n3", "n4");
        PreferenceList list = Ring.initial(Q, ids.stream().map(Member::of).toList())
                .preferenceList(new Partitioner(Q).partitionOfKey(Key.of("gone").bytes()), 3);
        String first = list.replicas().get(0);
        String writer = list.replicas().get(1);
        String third = list.replicas().get(2);
        String fallback = list.fallbacks().get(0);
        NodeWiring skewed = NodeWiring.PLAIN.withClockOffsets(id -> id.equals(writer) ? -lag.toMillis() : 0);
        try (LocalCluster c = new LocalCluster(7, ids.size(), 3, 2, 2, Q, TIMING, skewed)) {
            c.network().partition(Set.of(third), Set.copyOf(ids));
            Context written = c.put(writer, "gone", Context.EMPTY, "old", 2);
            c.runFor(Duration.ofSeconds(1));
            assertThat(c.hintStore(fallback).targets()).as("the hint for the cut-off replica").contains(third);

            c.network().heal();
            c.network().partition(Set.of(fallback), Set.copyOf(ids));
            c.runFor(Duration.ofSeconds(1));
            c.await(c.node(writer).deleteAsync(Key.of("gone"), written, OptionalInt.of(3)));
            c.runFor(Duration.ofMillis(500).multipliedBy(Q * 3L));

            c.network().heal();
            c.runFor(GRACE.plusSeconds(10));
            return c.get(first, "gone", 3).values().stream().map(LocalCluster::text).toList();
        }
    }

    @Test
    void aReplicaKeepsAKeyThatChangedSinceTheCheck() {
        PreferenceList list = listOf("raced");
        String coordinator = list.replicas().get(0);
        Context written = cluster.put(coordinator, "raced", Context.EMPTY, "v", 3);
        delete(coordinator, "raced", written, 3);
        SiblingSet tombstone = cluster.stored(coordinator, "raced");
        // A write concurrent with the delete arrives after every replica agreed on the tombstone.
        cluster.put(coordinator, "raced", Context.EMPTY, "concurrent", 3);

        ClusterTransport peer = cluster.network().transport("peer");
        for (String id : list.replicas()) {
            peer.request(id, new RemoveTombstone(Key.of("raced"), tombstone), Duration.ofSeconds(1));
        }
        cluster.runFor(GRACE.multipliedBy(2));
        checkEveryPartition();
        assertThat(cluster.get(coordinator, "raced", 3).values()).extracting(LocalCluster::text)
                .isEqualTo(List.of("concurrent"));
    }
}
