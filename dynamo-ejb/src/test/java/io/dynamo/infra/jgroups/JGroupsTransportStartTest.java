package io.dynamo.infra.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.InvalidConfigException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void stackWithItsOwnEncryptionIsUsedAsIsButNotCombinedWithAClusterKey(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("own.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        store.setEntry("own", new KeyStore.SecretKeyEntry(aes.generateKey()), new KeyStore.PasswordProtection(
                "pw".toCharArray()));
        try (OutputStream out = Files.newOutputStream(keystore)) {
            store.store(out, "pw".toCharArray());
        }
        String stack = Files.readString(Path.of("..", "config", "jgroups", "tcp.xml")).replace("<TCPPING ",
                "<SYM_ENCRYPT keystore_name=\"" + keystore + "\" keystore_type=\"PKCS12\" store_password=\"pw\" "
                        + "alias=\"own\" sym_algorithm=\"AES/CBC/PKCS5Padding\" sym_iv_length=\"16\"/>\n<TCPPING ");
        Path file = Files.writeString(dir.resolve("own-encryption.xml"), stack);
        int port = TestNode.freePorts(1).get(0);
        JGroupsSettings settings = new JGroupsSettings("start-test", "n1", "127.0.0.1", port, List.of(),
                file.toString());

        assertThatThrownBy(() -> JGroupsTransport.start(settings.withClusterKey(ClusterKey.fromSecret(
                "sixteen chars at least", "start-test", "test")), executor, timer))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("has an encryption protocol of its own and a cluster key is set as well");
        JGroupsTransport own = JGroupsTransport.start(settings, executor, timer);
        try {
            assertThat(own.encrypted()).isTrue();
        } finally {
            own.close();
        }
    }
}
