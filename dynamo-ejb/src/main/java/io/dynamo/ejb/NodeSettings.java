package io.dynamo.ejb;

import io.dynamo.core.antientropy.TombstoneSettings;
import io.dynamo.core.base.InvalidConfigException;
import io.dynamo.core.handoff.HintSettings;
import io.dynamo.core.node.ClusterSettings;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.node.NodeTiming;
import io.dynamo.core.store.Durability;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns named settings (MicroProfile Config in the server, a map in tests) into a validated {@link NodeConfig}.
 * Kept free of the container so the defaults and error messages are testable without a server.
 */
public final class NodeSettings {
    public static final String NODE_ID = "dynamo.node.id";
    public static final String DATA_DIR = "dynamo.data.dir";
    public static final String N = "dynamo.n";
    public static final String R = "dynamo.r";
    public static final String W = "dynamo.w";
    public static final String Q = "dynamo.q";
    public static final String MAX_KEY_BYTES = "dynamo.max.key.bytes";
    public static final String MAX_VALUE_BYTES = "dynamo.max.value.bytes";
    public static final String CLOCK_MAX_ENTRIES = "dynamo.clock.max.entries";
    public static final String STANDALONE = "dynamo.standalone";
    public static final String BOOTSTRAP = "dynamo.bootstrap";
    public static final String HTTP_ADDRESS = "dynamo.http.address";
    public static final String SEEDS = "dynamo.seeds";
    public static final String GOSSIP_INTERVAL_MS = "dynamo.gossip.interval.ms";
    public static final String REQUEST_TIMEOUT_MS = "dynamo.request.timeout.ms";
    public static final String HANDOFF_INTERVAL_MS = "dynamo.handoff.interval.ms";
    public static final String HINTS_PER_ROUND = "dynamo.handoff.hints.per.round";
    public static final String ANTI_ENTROPY_INTERVAL_MS = "dynamo.antientropy.interval.ms";
    public static final String PROBE_INTERVAL_MS = "dynamo.probe.interval.ms";
    public static final String SIBLINGS_WARN = "dynamo.siblings.warn";
    public static final String SIBLINGS_MAX = "dynamo.siblings.max";
    public static final String TOMBSTONE_GRACE_S = "dynamo.tombstones.grace.seconds";
    public static final String TOMBSTONE_INTERVAL_MS = "dynamo.tombstones.interval.ms";
    public static final String HINTS_WINDOW_MS = "dynamo.hints.window.ms";
    public static final String HINTS_MAX_BYTES_PER_TARGET = "dynamo.hints.max.bytes.per.target";
    public static final String HINTS_MAX_BYTES = "dynamo.hints.max.bytes";
    public static final String HINTS_MAX_AGE_MS = "dynamo.hints.max.age.ms";
    public static final String DURABILITY = Durability.SETTING;
    public static final String DURABILITY_INTERVAL_MS = "dynamo.durability.interval.ms";
    public static final String MAX_IN_FLIGHT = "dynamo.max.inflight";

    private final Function<String, Optional<String>> source;

    public NodeSettings(Function<String, Optional<String>> source) {
        this.source = source;
    }

    /** @throws InvalidConfigException naming the first bad setting */
    public NodeConfig read() {
        String nodeId = text(NODE_ID).orElseGet(NodeSettings::defaultNodeId);
        Path dataDir = text(DATA_DIR).map(Path::of).orElseGet(() -> Path.of("data", nodeId));
        return new NodeConfig(
                nodeId,
                dataDir.toAbsolutePath().normalize(),
                integer(N, NodeConfig.DEFAULT_REPLICAS),
                integer(R, NodeConfig.DEFAULT_READ_QUORUM),
                integer(W, NodeConfig.DEFAULT_WRITE_QUORUM),
                integer(Q, NodeConfig.DEFAULT_PARTITIONS),
                integer(MAX_KEY_BYTES, NodeConfig.DEFAULT_MAX_KEY_BYTES),
                integer(MAX_VALUE_BYTES, NodeConfig.DEFAULT_MAX_VALUE_BYTES),
                integer(CLOCK_MAX_ENTRIES, NodeConfig.DEFAULT_CLOCK_MAX_ENTRIES),
                integer(SIBLINGS_WARN, NodeConfig.DEFAULT_SIBLINGS_WARN),
                integer(SIBLINGS_MAX, NodeConfig.DEFAULT_SIBLINGS_MAX),
                Durability.parse(text(DURABILITY).orElse(Durability.DEFAULT.mode()),
                        millis(DURABILITY_INTERVAL_MS, Durability.DEFAULT_INTERVAL)),
                integer(MAX_IN_FLIGHT, NodeConfig.DEFAULT_MAX_IN_FLIGHT));
    }

    /** Timeouts and background intervals; each must be positive. */
    public NodeTiming readTiming() {
        NodeTiming d = NodeTiming.DEFAULTS;
        return new NodeTiming(millis(REQUEST_TIMEOUT_MS, d.requestTimeout()), millis(HANDOFF_INTERVAL_MS,
                d.handoffInterval()), positive(HINTS_PER_ROUND, d.hintsPerRound()),
                millis(ANTI_ENTROPY_INTERVAL_MS, d.antiEntropyInterval()), millis(PROBE_INTERVAL_MS, d.probeInterval()),
                new TombstoneSettings(Duration.ofSeconds(positive(TOMBSTONE_GRACE_S,
                        (int) d.tombstones().grace().toSeconds())), millis(TOMBSTONE_INTERVAL_MS,
                        d.tombstones().interval()), d.tombstones().keysPerRound()),
                new HintSettings(millis(HINTS_WINDOW_MS, d.hints().window()),
                        positive(HINTS_MAX_BYTES_PER_TARGET, (int) d.hints().maxBytesPerTarget()),
                        positive(HINTS_MAX_BYTES, (int) d.hints().maxBytesTotal()),
                        millis(HINTS_MAX_AGE_MS, d.hints().maxAge())));
    }

    private Duration millis(String name, Duration fallback) {
        return Duration.ofMillis(positive(name, (int) fallback.toMillis()));
    }

    private int positive(String name, int fallback) {
        int v = integer(name, fallback);
        if (v < 1) {
            throw new InvalidConfigException("setting " + name + " = " + v + " is invalid: it must be at least 1");
        }
        return v;
    }

    /** True when the node runs alone, without a cluster transport (a single server, or a test). */
    public boolean standalone() {
        return bool(STANDALONE, false);
    }

    /** How the node finds its cluster; a standalone node always bootstraps a ring of its own. */
    public ClusterSettings readCluster() {
        boolean standalone = standalone();
        List<String> seeds = text(SEEDS).map(raw -> Arrays.stream(raw.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
        return new ClusterSettings(text(HTTP_ADDRESS).orElse(""), standalone || bool(BOOTSTRAP, false), seeds,
                Duration.ofMillis(positive(GOSSIP_INTERVAL_MS, 1000)), System.nanoTime());
    }

    private boolean bool(String name, boolean fallback) {
        Optional<String> raw = text(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        String v = raw.get().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new InvalidConfigException("setting " + name + " = " + raw.get() + " is invalid: it must be true "
                    + "or false (set it as the system property " + name + " or the environment variable "
                    + name.toUpperCase(Locale.ROOT).replace('.', '_') + ")");
        }
        return Boolean.parseBoolean(v);
    }

    private Optional<String> text(String name) {
        return source.apply(name).map(String::strip).filter(s -> !s.isEmpty());
    }

    private int integer(String name, int fallback) {
        Optional<String> raw = text(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw new InvalidConfigException("setting " + name + " = " + raw.get() + " is invalid: it must be an "
                    + "integer (set it as the system property " + name + " or the environment variable "
                    + name.toUpperCase(Locale.ROOT).replace('.', '_') + ")");
        }
    }

    /** "node-" plus the host name, so that a lone node needs no configuration; clusters set ids explicitly. */
    static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "local";
        }
        String cleaned = host.replaceAll("[^A-Za-z0-9_-]", "-");
        return "node-" + (cleaned.length() > 59 ? cleaned.substring(0, 59) : cleaned);
    }
}
