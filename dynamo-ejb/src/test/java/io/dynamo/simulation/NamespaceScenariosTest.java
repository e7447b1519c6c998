package io.dynamo.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.Key;
import io.dynamo.core.membership.ChangeRefusedException;
import io.dynamo.core.membership.StalePlanException;
import io.dynamo.core.namespace.NamespaceChange;
import io.dynamo.core.namespace.NamespaceSettings;
import io.dynamo.core.namespace.UnknownNamespaceException;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.node.NodeNamespaces;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.ring.RingChange;
import io.dynamo.core.ring.RingSettings;
import io.dynamo.core.version.Context;
import io.dynamo.testkit.LocalCluster;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Namespaces on five simulated nodes (the cluster's N=3): placement, refusals and drops. */
class NamespaceScenariosTest {
    private final LocalCluster cluster = new LocalCluster(17, 5, 3, 2, 2, 16, LocalCluster.fastTiming());

    @AfterEach
    void stop() {
        cluster.close();
    }

    private DynamoNode first() {
        return cluster.node(cluster.nodeIds().get(0));
    }

    private PreferenceList listOf(String key, int n) {
        return cluster.ring().preferenceList(cluster.ring().partitioner().partitionOf(LocalCluster.key(key).md5()), n)
                .narrowed(n);
    }

    @Test
    void aWriteOfANamespaceOfNOneReachesItsOneReplicaAndTheSameBytesStayApart() {
        NamespaceSimulationTest.createNamespaces(cluster);
        List<String> replica = listOf("one::k", 1).replicas();
        cluster.put(listOf("one::k", 1).fallbacks().get(2), "one::k", Context.EMPTY, "in one", 1);
        cluster.put(cluster.nodeIds().get(0), "k", Context.EMPTY, "in default", 2);
        cluster.runFor(Duration.ofMillis(50));
        for (String id : cluster.nodeIds()) {
            assertThat(cluster.stored(id, "one::k").liveValues()).as(id).hasSize(replica.contains(id) ? 1 : 0);
        }
        for (String id : cluster.nodeIds()) {
            assertThat(cluster.get(id, "one::k", 1).values()).extracting(LocalCluster::text)
                    .containsExactly("in one");
            assertThat(cluster.get(id, "k", 2).values()).extracting(LocalCluster::text)
                    .containsExactly("in default");
        }
    }

    @Test
    void anUnknownNamespaceAndQuorumsBeyondItsNAreRefusedAtOnce() {
        NamespaceSimulationTest.createNamespaces(cluster);
        DynamoNode node = first();
        assertThatThrownBy(() -> node.getAsync(Key.in("nope", new byte[] {1}), OptionalInt.empty()))
                .isInstanceOf(UnknownNamespaceException.class).hasMessageContaining("'nope'");
        assertThatThrownBy(() -> node.getAsync(LocalCluster.key("two::k"), OptionalInt.of(3)))
                .hasMessageContaining("N=2 of namespace two");
    }

    @Test
    void aStalePlanChangesNothing() {
        NamespaceNames names = new NamespaceNames(first().namespaces());
        long before = names.namespaces.catalogVersion();
        names.namespaces.commit(before, new NamespaceChange(NamespaceChange.Kind.CREATE, "a", names.settings(2)));
        assertThatThrownBy(() -> names.namespaces.commit(before, new NamespaceChange(NamespaceChange.Kind.CREATE, "b",
                names.settings(1)))).isInstanceOf(StalePlanException.class).hasMessageContaining("plan again");
        assertThat(names.namespaces.settings("b")).isEmpty();
        assertThat(names.namespaces.catalogVersion()).isEqualTo(before + 1);
    }

    @Test
    void theClusterNCannotBeLoweredBelowANamespaces() {
        NamespaceSimulationTest.createNamespaces(cluster);
        assertThatThrownBy(() -> cluster.change(cluster.nodeIds().get(0), RingChange.settings(
                new RingSettings(2, 1, 1)))).isInstanceOf(ChangeRefusedException.class)
                .hasMessageContaining("namespace three has N=3");
        assertThat(cluster.ring().settings()).contains(new RingSettings(3, 2, 2));
    }

    /** A drop removes the namespace's keys from every node, discards late writes of them, and shows its progress. */
    @Test
    void aDroppedNamespaceLeavesNoKeyOnAnyNode() {
        NamespaceSimulationTest.createNamespaces(cluster);
        for (int i = 0; i < 40; i++) {
            cluster.put(cluster.nodeIds().get(i % 5), "two::k" + i, Context.EMPTY, "v" + i, 2);
            cluster.put(cluster.nodeIds().get(i % 5), "k" + i, Context.EMPTY, "v" + i, 2);
        }
        cluster.runFor(Duration.ofSeconds(5)); // anti-entropy copies two's keys to the cluster's third replicas too
        NodeNamespaces namespaces = first().namespaces();
        namespaces.commit(namespaces.catalogVersion(), NamespaceChange.drop("two"));
        cluster.runFor(Duration.ofSeconds(5));
        for (String id : cluster.nodeIds()) {
            NodeNamespaces.Entry two = cluster.node(id).namespaces().list().stream()
                    .filter(e -> e.name().equals("two")).findFirst().orElseThrow();
            assertThat(two.dropped()).as(id).isTrue();
            assertThat(two.keysHere()).as(id).isZero();
            assertThat(two.purge().partitionsDone()).as(id).isEqualTo(16);
            for (int i = 0; i < 40; i++) {
                assertThat(cluster.stored(id, "two::k" + i).isEmpty()).as(id + " two::k" + i).isTrue();
            }
        }
        long removed = cluster.nodeIds().stream().mapToLong(id -> cluster.node(id).namespaces().list().stream()
                .filter(e -> e.name().equals("two")).findFirst().orElseThrow().purge().keysRemoved()).sum();
        assertThat(removed).as("keys removed on all nodes").isGreaterThanOrEqualTo(80);
        for (int i = 0; i < 40; i++) {
            assertThat(cluster.get(cluster.nodeIds().get(0), "k" + i, 2).values()).extracting(LocalCluster::text)
                    .containsExactly("v" + i);
        }
        assertThatThrownBy(() -> cluster.put(cluster.nodeIds().get(0), "two::late", Context.EMPTY, "x", 1))
                .isInstanceOf(UnknownNamespaceException.class);
    }

    /** Settings of a namespace with the node's limits. */
    private record NamespaceNames(NodeNamespaces namespaces) {
        NamespaceSettings settings(int n) {
            NamespaceSettings d = namespaces.require("default");
            return new NamespaceSettings(n, 1, 1, 0, d.policy(), d.maxKeyBytes(), d.maxValueBytes(), d.siblingsWarn(),
                    d.siblingsMax(), "none");
        }
    }
}
