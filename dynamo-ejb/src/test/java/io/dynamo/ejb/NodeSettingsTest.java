package io.dynamo.ejb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.InvalidConfigException;
import io.dynamo.core.handoff.HintSettings;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.store.Durability;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeSettingsTest {

    private static NodeConfig read(Map<String, String> settings) {
        return new NodeSettings(name -> Optional.ofNullable(settings.get(name))).read();
    }

    @Test
    void defaultsApplyWhenNothingIsSet() {
        NodeConfig config = read(Map.of());

        assertThat(config.nodeId()).startsWith("node-").matches("[A-Za-z0-9_-]{1,64}");
        assertThat(config.dataDir()).isEqualTo(Path.of("data", config.nodeId()).toAbsolutePath().normalize());
        assertThat(config.replicas()).isEqualTo(NodeConfig.DEFAULT_REPLICAS);
        assertThat(config.readQuorum()).isEqualTo(NodeConfig.DEFAULT_READ_QUORUM);
        assertThat(config.writeQuorum()).isEqualTo(NodeConfig.DEFAULT_WRITE_QUORUM);
        assertThat(config.partitions()).isEqualTo(NodeConfig.DEFAULT_PARTITIONS);
        assertThat(config.maxValueBytes()).isEqualTo(NodeConfig.DEFAULT_MAX_VALUE_BYTES);
    }

    @Test
    void explicitSettingsWin() {
        NodeConfig config = read(Map.of(
                "dynamo.node.id", "node1", "dynamo.data.dir", "/tmp/x/../d1",
                "dynamo.n", "1", "dynamo.r", " 1 ", "dynamo.w", "1", "dynamo.q", "64",
                "dynamo.max.key.bytes", "10", "dynamo.max.value.bytes", "1024", "dynamo.clock.max.entries", "3"));

        assertThat(config).isEqualTo(new NodeConfig("node1", Path.of("/tmp/d1"), 1, 1, 1, 64, 10, 1024, 3, 8, 64));
    }

    @Test
    void siblingLimitsAreSettingsAndTheWarningMayNotExceedTheMaximum() {
        NodeConfig config = read(Map.of("dynamo.siblings.warn", "2", "dynamo.siblings.max", "4"));
        assertThat(config.siblingsWarn()).isEqualTo(2);
        assertThat(config.siblingsMax()).isEqualTo(4);
        assertThat(read(Map.of()).siblingsMax()).isEqualTo(NodeConfig.DEFAULT_SIBLINGS_MAX);
        assertThatThrownBy(() -> read(Map.of("dynamo.siblings.warn", "5", "dynamo.siblings.max", "4")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("setting dynamo.siblings.warn = 5 is invalid: it must be 1 to dynamo.siblings.max (4)");
        assertThatThrownBy(() -> read(Map.of("dynamo.siblings.max", "0")))
                .hasMessageContaining("dynamo.siblings.max = 0");
    }

    @Test
    void tombstoneGraceAndIntervalAreSettings() {
        NodeSettings settings = new NodeSettings(name -> Optional.ofNullable(Map.of(
                "dynamo.tombstones.grace.seconds", "86400", "dynamo.tombstones.interval.ms", "2500").get(name)));
        assertThat(settings.readTiming().tombstones().grace()).isEqualTo(Duration.ofDays(1));
        assertThat(settings.readTiming().tombstones().interval()).isEqualTo(Duration.ofMillis(2500));
        assertThat(new NodeSettings(name -> Optional.empty()).readTiming().tombstones().grace())
                .isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> new NodeSettings(name -> Optional.of("0")).readTiming())
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("must be at least 1");
    }

    @Test
    void durabilityIsNoneIntervalOrDwUpToW() {
        assertThat(read(Map.of()).durability()).isEqualTo(Durability.DEFAULT);
        assertThat(Durability.DEFAULT.interval()).isLessThanOrEqualTo(Durability.LONGEST_INTERVAL).isPositive();
        assertThat(read(Map.of("dynamo.durability", "none")).durability().interval()).isZero();
        assertThat(read(Map.of("dynamo.durability", "interval", "dynamo.durability.interval.ms", "250"))
                .durability()).isEqualTo(new Durability(0, Duration.ofMillis(250)));
        assertThat(read(Map.of("dynamo.durability", "dw=2")).durability())
                .isEqualTo(new Durability(2, Durability.DEFAULT_INTERVAL));
        assertThatThrownBy(() -> read(Map.of("dynamo.durability", "dw=3")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("setting dynamo.durability = dw=3 is invalid: it must be none, interval or dw=K with K "
                        + "from 1 to W (2)");
        for (String bad : new String[] {"always", "dw=0", "dw=", "dw=x", "DW=1"}) {
            assertThatThrownBy(() -> read(Map.of("dynamo.durability", bad))).as(bad)
                    .isInstanceOf(InvalidConfigException.class).hasMessageContaining("dynamo.durability = " + bad);
        }
        assertThatThrownBy(() -> read(Map.of("dynamo.durability.interval.ms", "0")))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("dynamo.durability.interval.ms");
    }

    @Test
    void hintLimitsAreSettings() {
        NodeSettings settings = new NodeSettings(name -> Optional.ofNullable(Map.of(
                "dynamo.hints.window.ms", "60000", "dynamo.hints.max.bytes.per.target", "1000",
                "dynamo.hints.max.bytes", "5000", "dynamo.hints.max.age.ms", "120000").get(name)));
        assertThat(settings.readTiming().hints()).isEqualTo(new HintSettings(Duration.ofMinutes(1), 1000, 5000,
                Duration.ofMinutes(2)));
        assertThat(new NodeSettings(name -> Optional.empty()).readTiming().hints().window())
                .isEqualTo(Duration.ofHours(3));
        assertThatThrownBy(() -> new NodeSettings(name -> Optional.ofNullable(
                Map.of("dynamo.hints.max.bytes", "0").get(name))).readTiming())
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("dynamo.hints.max.bytes = 0");
    }

    @Test
    void blankMeansUnset() {
        assertThat(read(Map.of("dynamo.n", "  ")).replicas()).isEqualTo(NodeConfig.DEFAULT_REPLICAS);
    }

    @Test
    void aNonIntegerNamesTheSettingAndItsEnvironmentVariable() {
        assertThatThrownBy(() -> read(Map.of("dynamo.max.value.bytes", "1MB")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("dynamo.max.value.bytes = 1MB")
                .hasMessageContaining("DYNAMO_MAX_VALUE_BYTES");
    }

    @Test
    void anOutOfRangeValueIsReportedByNodeConfig() {
        assertThatThrownBy(() -> read(Map.of("dynamo.n", "1", "dynamo.r", "2")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("dynamo.r");
    }
}
