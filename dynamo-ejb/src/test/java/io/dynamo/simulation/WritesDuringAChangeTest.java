package io.dynamo.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.ring.RingChange;
import io.dynamo.core.version.Context;
import io.dynamo.testkit.LocalCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Every write is answered, whatever the ring change. During a change a write needs W acknowledgements from the
 * previous ring's replicas and from the new ring's. When two nodes joined a one-node ring with N = W = 2, the previous
 * ring's group had one replica: its W could never be met, yet the coordinator still counted the spare nodes that could
 * stand in for a replica that fails, and none failed, so the write waited forever (on real nodes: until the node's
 * 6 s limit, as a 503 after a plan that joined two nodes to a one-node ring). Writes sent through every node all
 * through such a change must each be answered, and well within the limit.
 */
class WritesDuringAChangeTest {
    private static final int Q = 16;

    @Test
    void putsThroughEveryNodeWhileTwoNodesJoinAOneNodeRingAreAnsweredWithinTheirLimit() {
        for (long seed = 1; seed <= 20; seed++) {
            try (LocalCluster cluster = new LocalCluster(seed, 1, 2, 2, 2, Q, LocalCluster.fastTiming())) {
                cluster.addNode("n2");
                cluster.addNode("n3");
                cluster.runFor(Duration.ofSeconds(1));
                cluster.change("n1", RingChange.join("n2", 1), RingChange.join("n3", 1));
                List<CompletableFuture<Long>> puts = new ArrayList<>();
                List<String> nodes = List.of("n1", "n2", "n3");
                for (int step = 0; step < 300; step++) {
                    for (String via : nodes) {
                        long sent = cluster.scheduler().nowMillis();
                        puts.add(cluster.node(via).putAsync(LocalCluster.key("k-" + step + "-" + via),
                                Context.EMPTY, LocalCluster.text("v"), OptionalInt.empty())
                                .handle((done, failure) -> cluster.scheduler().nowMillis() - sent));
                    }
                    cluster.runFor(Duration.ofMillis(20));
                }
                cluster.runFor(Duration.ofSeconds(10));
                // A node answers a client within twice the forward timeout (NodeKeyValues): a put that took that
                // long was held by nothing but its own limit.
                long limit = cluster.timing().forwardTimeout().multipliedBy(2).toMillis();
                assertThat(puts.stream().filter(p -> !p.isDone()).count()).as("seed %d: puts never answered", seed)
                        .isZero();
                List<Long> outOfTime = puts.stream().map(CompletableFuture::join).filter(ms -> ms >= limit).toList();
                assertThat(outOfTime).as("seed %d: ms taken by puts that ran to the node's limit of %d ms", seed,
                        limit).isEmpty();
                assertThat(cluster.nodeIds()).allSatisfy(id -> assertThat(cluster.node(id).view().ring())
                        .isEqualTo(cluster.node("n1").view().ring()));
                for (String via : nodes) {
                    assertThat(cluster.put(via, "after-" + via, Context.EMPTY, "v", 2)).as("seed %d: a put through"
                            + " %s once the change is over", seed, via).isNotNull();
                }
            }
        }
    }
}
