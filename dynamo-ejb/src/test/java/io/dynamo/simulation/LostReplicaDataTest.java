package io.dynamo.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.version.Context;
import io.dynamo.testkit.LocalCluster;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * riak_test's kv679 case: a replica that lost its whole store must not make the others lose writes. A write's dot is
 * (actor, counter) with the actor being the node and its store's incarnation, so a node on a new, empty store issues
 * dots no replica has seen, even though its counters start again from the bottom.
 */
class LostReplicaDataTest {

    @Test
    void aWriteThroughAWipedReplicaSurvivesBesideTheOneItCoordinatedBeforeTheLoss() {
        Map<String, List<String>> held = writeBeforeAndAfterLosingTheStore(cluster -> null);
        assertThat(held).allSatisfy((replica, values) ->
                assertThat(values).as(replica).containsExactlyInAnyOrder("before", "after"));
    }

    /**
     * The bug riak had, planted: the empty store takes the lost one's name, so the node's first write after the loss
     * gets the dot of its first write before it. The other replicas take the new version for one they hold and keep
     * the old one, and the check above sees the acknowledged write missing.
     */
    @Test
    void aWipedReplicaThatReusedItsActorWouldLoseAnAcknowledgedWriteAndTheCheckSeesIt() {
        Map<String, List<String>> held = writeBeforeAndAfterLosingTheStore(
                cluster -> cluster.storage(replicasOf(cluster).get(0)).incarnation());
        assertThat(held.values()).anySatisfy(values -> assertThat(values).doesNotContain("after"));
    }

    /**
     * The key's first replica coordinates a write acknowledged by all three, loses its store and hints, and then
     * coordinates a blind write (a client with no context) acknowledged by two; after anti-entropy has had time, what
     * each replica holds.
     *
     * @param incarnation the name of the replacement store, or null for a new one
     */
    private static Map<String, List<String>> writeBeforeAndAfterLosingTheStore(
            Function<LocalCluster, String> incarnation) {
        try (LocalCluster cluster = new LocalCluster(5, 5, 3, 2, 2, 16, LocalCluster.fastTiming())) {
            String wiped = replicasOf(cluster).get(0);
            cluster.put(wiped, "k", Context.EMPTY, "before", 3);
            String name = incarnation.apply(cluster);
            if (name == null) {
                cluster.wipe(wiped);
            } else {
                cluster.wipe(wiped, name);
            }
            assertThat(cluster.stored(wiped, "k").isEmpty()).isTrue();
            cluster.put(wiped, "k", Context.EMPTY, "after", 2);
            cluster.runFor(Duration.ofSeconds(10));
            Map<String, List<String>> held = new LinkedHashMap<>();
            for (String replica : replicasOf(cluster)) {
                held.put(replica, cluster.stored(replica, "k").liveValues().stream().map(LocalCluster::text).toList());
            }
            return held;
        }
    }

    private static List<String> replicasOf(LocalCluster cluster) {
        PreferenceList list = cluster.ring().preferenceList(
                cluster.ring().partitioner().partitionOfKey(Key.of("k").bytes()), 3);
        return list.replicas();
    }
}
