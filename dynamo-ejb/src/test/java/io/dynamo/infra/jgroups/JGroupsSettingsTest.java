package io.dynamo.infra.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.InvalidConfigException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JGroupsSettingsTest {

    private static JGroupsSettings read(Map<String, String> values) {
        return JGroupsSettings.read(name -> Optional.ofNullable(values.get(name)), "n1");
    }

    @Test
    void defaultsAreLoopbackThePortAndTheClasspathStack() {
        JGroupsSettings s = read(Map.of());
        assertThat(s.clusterName()).isEqualTo("dynamo");
        assertThat(s.nodeId()).isEqualTo("n1");
        assertThat(s.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(s.bindPort()).isEqualTo(7800);
        assertThat(s.initialHosts()).containsExactly("127.0.0.1[7800]");
        assertThat(s.stack()).isEqualTo("classpath:io/dynamo/infra/jgroups/tcp.xml");
    }

    @Test
    void seedsAreParsedAndThisNodeIsAdded() {
        JGroupsSettings s = read(Map.of(JGroupsSettings.PORT, "7802",
                JGroupsSettings.INITIAL_HOSTS, " 127.0.0.1[7800], localhost[7801] ,,"));
        assertThat(s.initialHosts()).containsExactly("127.0.0.1[7800]", "localhost[7801]", "127.0.0.1[7802]");
        assertThat(s.initialHostAddresses()).extracting(InetSocketAddress::getPort).containsExactly(7800, 7801, 7802);
        assertThat(s.initialHostAddresses()).noneMatch(InetSocketAddress::isUnresolved);
    }

    @Test
    void badValuesNameTheirSetting() {
        assertThatThrownBy(() -> read(Map.of(JGroupsSettings.BIND_ADDRESS, "0.0.0.0")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("dynamo.jgroups.bind.address = 0.0.0.0").hasMessageContaining("wildcard");
        assertThatThrownBy(() -> read(Map.of(JGroupsSettings.BIND_ADDRESS, "192.0.2.77")))
                .hasMessageContaining("dynamo.jgroups.bind.address")
                .hasMessageContaining("not an address of this host");
        assertThatThrownBy(() -> read(Map.of(JGroupsSettings.PORT, "seventy")))
                .hasMessageContaining("dynamo.jgroups.port = seventy").hasMessageContaining("DYNAMO_JGROUPS_PORT");
        assertThatThrownBy(() -> read(Map.of(JGroupsSettings.PORT, "70000")))
                .hasMessageContaining("dynamo.jgroups.port = 70000");
        assertThatThrownBy(() -> read(Map.of(JGroupsSettings.INITIAL_HOSTS, "127.0.0.1:7800")))
                .hasMessageContaining("dynamo.jgroups.initial.hosts = 127.0.0.1:7800")
                .hasMessageContaining("host[port]");
        assertThatThrownBy(() -> read(Map.of(JGroupsSettings.INITIAL_HOSTS, "h[0]")))
                .hasMessageContaining("dynamo.jgroups.initial.hosts = h[0]");
        assertThatThrownBy(() -> read(Map.of(JGroupsSettings.STACK, "/no/such/stack.xml")))
                .hasMessageContaining("dynamo.jgroups.stack = /no/such/stack.xml");
        assertThatThrownBy(() -> new JGroupsSettings(" ", "n1", "127.0.0.1", 7800, List.of(), null))
                .hasMessageContaining("dynamo.cluster.name is missing");
        assertThatThrownBy(() -> JGroupsSettings.read(name -> Optional.empty(), ""))
                .hasMessageContaining("dynamo.node.id is missing");
    }
}
