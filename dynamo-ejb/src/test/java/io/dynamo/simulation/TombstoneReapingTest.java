package io.dynamo.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.Key;
import io.dynamo.core.antientropy.TombstoneSettings;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.transport.Message;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.testkit.LocalCluster;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deletes leave tombstones; these go once every replica holds the same one and the grace period has passed. */
class TombstoneReapingTest {
    private static final Duration GRACE = Duration.ofMinutes(1);
    private static final int Q = 8;

    private final LocalCluster cluster = new LocalCluster(7, 4, 3, 2, 2, Q, LocalCluster.fastTiming()
            .withTombstones(new TombstoneSettings(GRACE, Duration.ofMillis(500), 100)));

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
        long removed = cluster.nodeIds().stream().mapToLong(id -> cluster.node(id).tombstones().reaped()).sum();
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
    void aReplicaKeepsAKeyThatChangedSinceTheCheck() {
        PreferenceList list = listOf("raced");
        String coordinator = list.replicas().get(0);
        Context written = cluster.put(coordinator, "raced", Context.EMPTY, "v", 3);
        delete(coordinator, "raced", written, 3);
        SiblingSet tombstone = cluster.stored(coordinator, "raced");
        // A write concurrent with the delete arrives after every replica agreed on the tombstone.
        cluster.put(coordinator, "raced", Context.EMPTY, "concurrent", 3);

        for (String id : list.replicas()) {
            cluster.node(id).tombstones().remove(new Message.RemoveTombstone(Key.of("raced"), tombstone));
        }
        cluster.runFor(GRACE.multipliedBy(2));
        checkEveryPartition();
        assertThat(cluster.get(coordinator, "raced", 3).values()).extracting(LocalCluster::text)
                .isEqualTo(List.of("concurrent"));
    }
}
