package io.dynamo.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.node.ClusterSettings;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.node.NodeTiming;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import io.dynamo.infra.jgroups.JGroupsSettings;
import io.dynamo.infra.jgroups.TestNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the server the node's pools run on the application's managed thread factory, which gives each thread the context
 * of the thread that asks for it: every pool thread must come from the factory, all of them while the node is built.
 */
class NodeAssemblerThreadsTest {
    @TempDir
    Path dir;

    @Test
    void everyPoolThreadComesFromTheGivenFactoryWhileTheNodeIsBuilt() {
        Map<Thread, Thread> madeBy = new ConcurrentHashMap<>();
        ThreadFactory factory = r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            madeBy.put(t, Thread.currentThread());
            return t;
        };
        int port = TestNode.freePorts(1).get(0);
        JGroupsSettings jgroups = JGroupsSettings.loopback("threads-test-" + port, "solo", port,
                List.of("127.0.0.1[" + port + "]"));
        DynamoNode node = NodeAssembler.assemble(NodeConfig.defaults("solo", dir).withQuorum(1, 1, 1),
                NodeTiming.DEFAULTS, new ClusterSettings("", true, List.of(), Duration.ofMillis(100), 1),
                Optional.of(jgroups), factory);
        try {
            assertThat(madeBy.keySet().stream().collect(Collectors.groupingBy(NodeAssemblerThreadsTest::role,
                    Collectors.counting()))).containsEntry("timer", 2L).containsEntry("peer", 8L)
                    .containsEntry("backup", 1L);
            assertThat(madeBy.values()).as("asked for by").containsOnly(Thread.currentThread());
            node.put(Key.of("k"), Context.EMPTY, Value.of(new byte[] {1}, null), OptionalInt.empty());
            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("dynamo-solo-"))
                    .isNotEmpty().allSatisfy(t -> assertThat(madeBy).containsKey(t));
            assertThat(madeBy).as("no thread made later").hasSize(11);
        } finally {
            node.close();
        }
    }

    /** "timer" in dynamo-solo-timer-pool-1-thread-1. */
    private static String role(Thread t) {
        return t.getName().split("-")[2];
    }
}
