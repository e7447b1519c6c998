package io.dynamo.infra;

import io.dynamo.core.membership.JoinRefusedException;
import io.dynamo.core.membership.RingChangingException;
import io.dynamo.core.node.ClusterSettings;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.node.NodeTiming;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.infra.jgroups.JGroupsSettings;
import io.dynamo.infra.jgroups.TestNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

/**
 * Real nodes in one JVM, wired by {@link NodeAssembler} exactly as in the server (Xodus on disk, JGroups on loopback
 * sockets, N=3, R=2, W=2), joined into one ring through plans as an operator would.
 */
final class RealCluster implements AutoCloseable {
    private final Path dir;
    private final String name;
    private final List<Integer> ports;
    private final Duration gossipInterval;
    private final List<DynamoNode> nodes = new ArrayList<>();

    /** @param gossipInterval shorter than the server's 1 s makes joins quicker */
    RealCluster(Path dir, String name, int size, Duration gossipInterval) {
        this.dir = dir;
        this.name = name;
        this.ports = TestNode.freePorts(size);
        this.gossipInterval = gossipInterval;
    }

    List<DynamoNode> nodes() {
        return nodes;
    }

    /** Starts node {@code i + 1} on the default stack, or on {@code stack} (a file) when given. */
    DynamoNode start(int i, boolean bootstrap, Optional<String> stack) {
        String id = "node" + (i + 1);
        NodeConfig config = NodeConfig.defaults(id, dir.resolve(id)).withQuorum(3, 2, 2);
        List<String> seeds = ports.stream().map(p -> "127.0.0.1[" + p + "]").toList();
        JGroupsSettings jgroups = new JGroupsSettings(name, id, "127.0.0.1", ports.get(i), seeds,
                stack.orElse(JGroupsSettings.DEFAULT_STACK));
        ClusterSettings cluster = new ClusterSettings("127.0.0.1:" + (9000 + i), bootstrap, List.of(),
                gossipInterval, i);
        DynamoNode node = NodeAssembler.assemble(config, NodeTiming.DEFAULTS, cluster, Optional.of(jgroups));
        nodes.add(node);
        return node;
    }

    /** Joins each newcomer through the first node, one plan at a time, until every node has the whole ring. */
    void join(DynamoNode first, List<DynamoNode> newcomers) throws InterruptedException {
        for (DynamoNode newcomer : newcomers) {
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
        await("every node has the whole ring", () -> nodes.stream().allMatch(n -> n.view().ring().members().size()
                == nodes.size() && n.view().ring().equals(first.view().ring())));
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        nodes.forEach(DynamoNode::close);
    }
}
