package io.dynamo.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.Key;
import io.dynamo.core.coordination.InsufficientReplicasException;
import io.dynamo.core.node.NodeTiming;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.version.Context;
import io.dynamo.testkit.LocalCluster;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * R on a simulated cluster: a coordinator counts its own copy first, so a stale coordinator must still wait for R - 1
 * other replicas, and a read that cannot get R answers must fail. Each scenario is also run with R=1, where the
 * coordinator answers from its own copy alone, to show that the scenario tells the two apart.
 */
class ReadQuorumScenariosTest {
    /** Hints and anti-entropy held back for an hour: only the read itself can find the write. */
    private static final NodeTiming NO_REPAIR = new NodeTiming(Duration.ofMillis(100), Duration.ofHours(1), 50,
            Duration.ofHours(1), Duration.ofMillis(200));

    @Test
    void aStaleCoordinatorWithR2ReturnsTheAcknowledgedWrite() {
        assertThat(readThroughAStaleReplica(2)).containsExactly("v");
    }

    @Test
    void aStaleCoordinatorAnsweringFromItsOwnCopyMissesTheWrite() {
        assertThat(readThroughAStaleReplica(1)).as("R=1: the coordinator's own, stale copy").isEmpty();
    }

    @Test
    void aReadFailsWhenFewerThanRReplicasAnswer() {
        try (LocalCluster cluster = new LocalCluster(42, 5, 3, 2, 2, 16, NO_REPAIR)) {
            String coordinator = listOf(cluster, "k").replicas().get(0);
            cluster.put(coordinator, "k", Context.EMPTY, "v", 3);
            isolate(cluster, coordinator);
            var read = cluster.node(coordinator).getAsync(Key.of("k"), OptionalInt.of(2));
            cluster.scheduler().runUntil(read, Duration.ofSeconds(5));
            assertThatThrownBy(read::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(InsufficientReplicasException.class)
                    .hasMessageContaining("needed 2 replicas but 1 answered");
            assertThat(cluster.get(coordinator, "k", 1).values()).as("R=1 makes do with the coordinator's copy")
                    .extracting(LocalCluster::text).containsExactly("v");
        }
    }

    /**
     * The key's first replica coordinates a write with W=2 while everything it sends to the third replica is lost
     * (one way only: the third replica still reaches it); then the third replica coordinates a read with R=r.
     */
    private static List<String> readThroughAStaleReplica(int r) {
        try (LocalCluster cluster = new LocalCluster(42, 5, 3, r, 2, 16, NO_REPAIR)) {
            PreferenceList list = listOf(cluster, "k");
            String writer = list.replicas().get(0);
            String stale = list.replicas().get(2);
            cluster.network().cutOneWay(writer, stale);
            cluster.put(writer, "k", Context.EMPTY, "v", 2);
            cluster.network().heal();
            assertThat(cluster.stored(stale, "k").isEmpty()).as("the reading coordinator missed the write").isTrue();
            assertThat(cluster.stored(list.replicas().get(1), "k").liveValues()).hasSize(1);
            return cluster.get(stale, "k", r).values().stream().map(LocalCluster::text).toList();
        }
    }

    private static PreferenceList listOf(LocalCluster cluster, String key) {
        return cluster.ring().preferenceList(cluster.ring().partitioner().partitionOfKey(Key.of(key).bytes()), 3);
    }

    private static void isolate(LocalCluster cluster, String node) {
        Set<String> others = Set.copyOf(cluster.nodeIds().stream().filter(n -> !n.equals(node)).toList());
        cluster.network().partition(Set.of(node), others);
    }
}
