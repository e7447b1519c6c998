package io.dynamo.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.InvalidQuorumException;
import io.dynamo.core.base.Key;
import io.dynamo.core.node.KeyValueService;
import io.dynamo.core.node.OverloadedException;
import io.dynamo.core.version.Context;
import io.dynamo.testkit.LocalCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A node past its bound on requests in flight refuses at once, and serves again as soon as slots are free. */
class OverloadTest {

    @Test
    void pastItsBoundANodeRefusesAtOnceAndServesTheRequestsItTook() {
        try (LocalCluster cluster = new LocalCluster(21, 3, 3, 2, 2, 16, LocalCluster.fastTiming())) {
            cluster.crash("n1");
            cluster.maxInFlight(4);
            cluster.restart("n1");
            cluster.runFor(Duration.ofSeconds(2));
            KeyValueService n1 = cluster.node("n1").keyValues();

            // Issued at once: no simulated time passes, so the first four are still waiting for their replicas.
            List<CompletableFuture<Context>> puts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                puts.add(put(n1, "k" + i));
            }
            List<CompletableFuture<Context>> refused = puts.stream().filter(CompletableFuture::isDone).toList();
            assertThat(refused).as("refused at once").hasSize(6).allSatisfy(f ->
                    assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
                            .cause().isInstanceOf(OverloadedException.class)
                            .hasMessageContaining("node n1 has 4 requests in flight")
                            .hasMessageContaining("dynamo.max.inflight"));
            cluster.runFor(Duration.ofSeconds(1));
            assertThat(puts.subList(0, 4)).as("the requests it took").allSatisfy(f ->
                    assertThat(f).isCompleted().isNotCompletedExceptionally());

            // A request refused before it starts (a bad quorum) gives its slot back at once.
            for (int i = 0; i < 10; i++) {
                assertThatThrownBy(() -> n1.put(Key.of("bad"), Context.EMPTY, LocalCluster.text("v"),
                        OptionalInt.of(9), OptionalInt.empty())).isInstanceOf(InvalidQuorumException.class);
            }
            List<CompletableFuture<Context>> again = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                again.add(put(n1, "again" + i));
            }
            cluster.runFor(Duration.ofSeconds(1));
            assertThat(again).allSatisfy(f -> assertThat(f).isCompleted().isNotCompletedExceptionally());
        }
    }

    private static CompletableFuture<Context> put(KeyValueService node, String key) {
        return node.put(Key.of(key), Context.EMPTY, LocalCluster.text("v-" + key), OptionalInt.empty(),
                OptionalInt.empty()).toCompletableFuture();
    }
}
