package io.dynamo.infra.jgroups;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.InvalidConfigException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Start-up failures say which setting to fix. */
class JGroupsTransportStartTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void portInUseNamesThePortSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            JGroupsSettings settings = JGroupsSettings.loopback("start-test", "n1", taken.getLocalPort(), List.of());
            assertThatThrownBy(() -> JGroupsTransport.start(settings, executor, timer))
                    .isInstanceOf(ClusterJoinException.class)
                    .hasMessageContaining("node n1 could not join cluster start-test")
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("dynamo.jgroups.port");
        }
    }

    @Test
    void stackWithoutTcppingIsRejected() {
        JGroupsSettings settings = new JGroupsSettings("start-test", "n1", "127.0.0.1", 7800, List.of(),
                "classpath:udp.xml");
        assertThatThrownBy(() -> JGroupsTransport.start(settings, executor, timer))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("has no TCPPING");
    }

    @Test
    void missingClasspathStackIsRejected() {
        JGroupsSettings settings = new JGroupsSettings("start-test", "n1", "127.0.0.1", 7800, List.of(),
                "classpath:no/such/stack.xml");
        assertThatThrownBy(() -> JGroupsTransport.start(settings, executor, timer))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("dynamo.jgroups.stack = classpath:no/such/stack.xml");
    }
}
