package io.dynamo.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.node.ReadResult;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
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

    private RealCluster cluster;

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void threeNodesJoinOneRingAndServeEachOthersKeys() throws Exception {
        cluster = new RealCluster(dir, "real-nodes-test", 3, Duration.ofMillis(200));
        DynamoNode first = cluster.start(0, true, Optional.empty());
        DynamoNode second = cluster.start(1, false, Optional.empty());
        DynamoNode third = cluster.start(2, false, Optional.empty());
        List<DynamoNode> nodes = cluster.nodes();
        cluster.join(first, List.of(second, third));

        Value value = Value.of("across the cluster".getBytes(StandardCharsets.UTF_8), "text/plain");
        for (int i = 0; i < 50; i++) {
            nodes.get(i % 3).put(Key.of("key-" + i), Context.EMPTY, value, OptionalInt.of(2));
        }
        for (int i = 0; i < 50; i++) {
            ReadResult read = nodes.get((i + 1) % 3).get(Key.of("key-" + i), OptionalInt.of(3));
            assertThat(read.values()).as("key-" + i).containsExactly(value);
        }
        // With N = 3 every node is a replica of every key: each holds all of them once replication settles.
        RealCluster.await("every node stores every key",
                () -> nodes.stream().allMatch(n -> n.view().keysStored() == 50));
    }
}
