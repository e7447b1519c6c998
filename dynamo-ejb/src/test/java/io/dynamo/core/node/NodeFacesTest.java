package io.dynamo.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.InvalidKeyException;
import io.dynamo.core.base.Key;
import io.dynamo.core.handoff.InMemoryHintStore;
import io.dynamo.core.membership.InMemoryMembershipStore;
import io.dynamo.core.membership.JoinRefusedException;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.store.InMemoryStorageEngine;
import io.dynamo.core.time.ExecutorScheduler;
import io.dynamo.core.transport.NoPeersTransport;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read model and the admin face of a node alone in its ring. */
class NodeFacesTest {
    private final DynamoNode node = solo();

    private static DynamoNode solo() {
        NodeConfig config = NodeConfig.defaults("n1", Path.of("unused")).withQuorum(1, 1, 1);
        NodeServices services = new NodeServices(config, NodeTiming.DEFAULTS, ClusterSettings.standalone(""),
                new InMemoryStorageEngine(), new InMemoryHintStore(), new InMemoryMembershipStore(),
                new NoPeersTransport(config.nodeId()),
                new ExecutorScheduler(Executors.newSingleThreadScheduledExecutor()));
        return new DynamoNode(services).start();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void theViewCountsTheNodesOwnKeysNowAndCopiesWhatItReports() {
        for (String k : new String[] {"a", "b", "c"}) {
            node.put(Key.of(k), Context.EMPTY, Value.of(k.getBytes(StandardCharsets.UTF_8), "text/plain"),
                    OptionalInt.empty());
        }
        NodeView view = node.view();

        assertThat(view.keysStored()).isEqualTo(3);
        NodeView.Members members = view.members();
        assertThat(members.keysStored()).containsEntry("n1", 3L);
        assertThat(members.state().ring()).contains(view.ring());
        assertThatThrownBy(() -> members.keysStored().put("n2", 1L))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(view.hints().queues()).isEmpty();
        assertThat(view.transfers().idle()).isTrue();
        assertThat(view.siblings().max()).isEqualTo(view.config().siblingsMax());
        assertThat(view.storageFailure()).isEmpty();
    }

    @Test
    void aKeysPlacementAndCopiesNameThisNodeAsItsReplica() throws Exception {
        Key key = Key.of("k");
        node.put(key, Context.EMPTY, Value.of(new byte[] {1}, "application/octet-stream"), OptionalInt.empty());

        KeyPlacement placement = node.view().placement(key);

        assertThat(placement.ringVersion()).isEqualTo(node.view().ring().version());
        assertThat(placement.partition()).isEqualTo(node.view().ring().partitioner().partitionOf(key.md5()));
        assertThat(placement.replicas()).singleElement().satisfies(p -> {
            assertThat(p.node()).isEqualTo("n1");
            assertThat(p.self()).isTrue();
            assertThat(p.standIn()).isNull();
        });
        assertThat(node.view().versionsOnReplicas(key).get(10, TimeUnit.SECONDS)).containsOnlyKeys("n1")
                .hasEntrySatisfying("n1", copy -> assertThat(copy.versions().liveValues()).hasSize(1));
        Key tooLong = Key.of(new byte[node.config().maxKeyBytes() + 1]);
        assertThatThrownBy(() -> node.view().placement(tooLong)).isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void aJoinOfANodeNeverHeardFromIsRefusedAndTheRingStaysAsItWas() {
        Ring before = node.view().ring();
        PartitionPlan join = node.admin().planJoin(before, Member.of("n2"));
        assertThat(node.view().ring()).as("planning changes nothing").isEqualTo(before);

        assertThatThrownBy(() -> node.admin().commit(join).join()).hasCauseInstanceOf(JoinRefusedException.class)
                .hasMessageContaining("node n2 has never been heard from by node n1")
                .hasMessageContaining("plan the join again");
        assertThat(node.view().ring()).isEqualTo(before);
    }
}
