package io.dynamo.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.membership.JoinRefusedException;
import io.dynamo.core.membership.RingChangingException;
import io.dynamo.core.node.ClusterSettings;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.node.NodeTiming;
import io.dynamo.core.node.ReadResult;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import io.dynamo.infra.jgroups.JGroupsSettings;
import io.dynamo.infra.jgroups.TestNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real nodes in one JVM, wired by {@link NodeAssembler} exactly as in the server: Xodus on disk, JGroups on
 * loopback sockets, gossip, joins through plans, and requests across nodes.
 */
class RealNodesTest {
    @TempDir
    Path dir;

    private final List<DynamoNode> nodes = new ArrayList<>();
    private final List<Integer> ports = TestNode.freePorts(3);

    @AfterEach
    void stop() {
        nodes.forEach(DynamoNode::close);
    }

    private DynamoNode start(int i, boolean bootstrap) {
        String id = "node" + (i + 1);
        NodeConfig config = NodeConfig.defaults(id, dir.resolve(id)).withQuorum(3, 2, 2);
        List<String> seeds = ports.stream().map(p -> "127.0.0.1[" + p + "]").toList();
        JGroupsSettings jgroups = JGroupsSettings.loopback("real-nodes-test", id, ports.get(i), seeds);
        ClusterSettings cluster = new ClusterSettings("127.0.0.1:" + (9000 + i), bootstrap, List.of(),
                Duration.ofMillis(200), i);
        DynamoNode node = NodeAssembler.assemble(config, NodeTiming.DEFAULTS, cluster, Optional.of(jgroups));
        nodes.add(node);
        return node;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void threeNodesJoinOneRingAndServeEachOthersKeys() throws Exception {
        DynamoNode first = start(0, true);
        DynamoNode second = start(1, false);
        DynamoNode third = start(2, false);
        for (DynamoNode newcomer : List.of(second, third)) {
            // Committed once the newcomer has announced itself and the last change is over, as an operator would.
            PartitionPlan[] plan = new PartitionPlan[1];
            await(newcomer.id() + "'s join is committed", () -> {
                try {
                    plan[0] = first.admin().planJoin(first.view().ring(), Member.of(newcomer.id()));
                    first.admin().commit(plan[0]).join();
                    return true;
                } catch (CompletionException e) {
                    if (e.getCause() instanceof JoinRefusedException || e.getCause() instanceof RingChangingException) {
                        return false;
                    }
                    throw e;
                }
            });
            await(newcomer.id() + " learns its ring by gossip and the change ends",
                    () -> newcomer.view().knownRing().map(r -> r.equals(plan[0].to())).orElse(false));
        }
        await("every node has the three-node ring", () -> nodes.stream()
                .allMatch(n -> n.view().ring().members().size() == 3 && n.view().ring().equals(first.view().ring())));

        Value value = Value.of("across the cluster".getBytes(StandardCharsets.UTF_8), "text/plain");
        for (int i = 0; i < 50; i++) {
            nodes.get(i % 3).put(Key.of("key-" + i), Context.EMPTY, value, OptionalInt.of(2));
        }
        for (int i = 0; i < 50; i++) {
            ReadResult read = nodes.get((i + 1) % 3).get(Key.of("key-" + i), OptionalInt.of(3));
            assertThat(read.values()).as("key-" + i).containsExactly(value);
        }
        // With N = 3 every node is a replica of every key: each holds all of them once replication settles.
        await("every node stores every key", () -> nodes.stream().allMatch(n -> n.view().keysStored() == 50));
    }
}
