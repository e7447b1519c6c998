package io.dynamo.infra.xodus;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.store.Durability;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import io.dynamo.core.version.VectorClock;
import io.dynamo.infra.NodeAssembler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import jetbrains.exodus.env.EnvironmentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node (its Xodus stores, its membership file) loses power: its data directory is cut back to what was
 * fsynced and a node is started on it. Writes acknowledged with dw=1 are there, and the node issues no dot twice.
 */
class NodePowerLossTest {
    private static final OptionalInt ONE = OptionalInt.of(1);

    @TempDir
    Path temp;

    @Test
    void everyWriteAcknowledgedWithDw1SurvivesAndNoDotIsIssuedTwice() throws IOException {
        Path live = temp.resolve("live");
        // No interval: only what a synced write or a counter reservation fsyncs survives the cut.
        NodeConfig config = NodeConfig.defaults("n1", live).withQuorum(1, 1, 1).withDurability(Durability.NONE);
        List<String> synced = new ArrayList<>();
        long highestCounter = 0;
        Path cut = temp.resolve("cut");
        try (DynamoNode node = withRecordedSyncs(() -> NodeAssembler.assemble(config))) {
            for (int i = 0; i < 60; i++) {
                boolean dw = i % 2 == 0;
                String key = (dw ? "synced-" : "plain-") + i;
                Context c = node.keyValues().put(Key.of(key), Context.EMPTY, text(key), ONE,
                        dw ? ONE : OptionalInt.empty()).toCompletableFuture().join();
                highestCounter = Math.max(highestCounter, highest(c.clock()));
                if (dw) {
                    synced.add(key);
                }
            }
            PowerCut.of(live.resolve("store")).cutTo(cut.resolve("store"));
            PowerCut.of(live.resolve("hints")).cutTo(cut.resolve("hints"));
            // The membership file is fsynced on every change (FileMembershipStore).
            Files.copy(live.resolve("membership.bin"), cut.resolve("membership.bin"));
        }
        NodeConfig restarted = NodeConfig.defaults("n1", cut).withQuorum(1, 1, 1).withDurability(Durability.NONE);
        try (DynamoNode node = NodeAssembler.assemble(restarted)) {
            for (String key : synced) {
                assertThat(node.get(Key.of(key), ONE).values()).as("%s, acknowledged with dw=1", key)
                        .containsExactly(text(key));
            }
            Context fresh = node.put(Key.of("after-the-cut"), Context.EMPTY, text("new"), ONE);
            assertThat(highest(fresh.clock())).as("the first counter after the cut")
                    .isGreaterThan(highestCounter);
        }
    }

    private static DynamoNode withRecordedSyncs(java.util.function.Supplier<DynamoNode> start) {
        // Xodus reads its exodus.* system properties when an environment's config is made: only during the start.
        String previous = System.setProperty(EnvironmentConfig.LOG_DATA_READER_WRITER_PROVIDER,
                SyncRecordingProvider.NAME);
        try {
            return start.get();
        } finally {
            if (previous == null) {
                System.clearProperty(EnvironmentConfig.LOG_DATA_READER_WRITER_PROVIDER);
            } else {
                System.setProperty(EnvironmentConfig.LOG_DATA_READER_WRITER_PROVIDER, previous);
            }
        }
    }

    private static long highest(VectorClock clock) {
        return clock.entries().stream().mapToLong(VectorClock.Entry::counter).max().orElse(0);
    }

    private static Value text(String s) {
        return Value.of(s.getBytes(StandardCharsets.UTF_8), "text/plain");
    }
}
