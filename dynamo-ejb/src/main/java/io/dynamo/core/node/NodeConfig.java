package io.dynamo.core.node;

import io.dynamo.core.base.InvalidConfigException;
import io.dynamo.core.base.InvalidKeyException;
import io.dynamo.core.base.Key;
import io.dynamo.core.store.Durability;
import java.nio.file.Path;

/**
 * Everything a node needs to start, validated once: a bad setting fails the start with a message that names it.
 *
 * @param nodeId            this node's name in the ring, unique in the cluster
 * @param dataDir           where the node keeps its data (created when missing)
 * @param replicas          N, copies of each key
 * @param readQuorum        R, replies a read waits for
 * @param writeQuorum       W, acknowledgements a write waits for
 * @param partitions        Q, equal partitions of the ring, a power of two fixed for the cluster's life
 * @param maxKeyBytes       longest accepted key
 * @param maxValueBytes     largest accepted value
 * @param clockMaxEntries   entries a version's clock keeps before the oldest is dropped
 * @param siblingsWarn      a coordinated write that leaves a key with more siblings than this is logged and counted
 * @param siblingsMax       a coordinated write that would leave a key with more siblings than this is refused
 * @param durability        when writes reach the disk, and how many synced acknowledgements a write waits for
 */
public record NodeConfig(
        String nodeId,
        Path dataDir,
        int replicas,
        int readQuorum,
        int writeQuorum,
        int partitions,
        int maxKeyBytes,
        int maxValueBytes,
        int clockMaxEntries,
        int siblingsWarn,
        int siblingsMax,
        Durability durability,
        int maxInFlight) {

    public static final int DEFAULT_REPLICAS = 3;
    public static final int DEFAULT_READ_QUORUM = 2;
    public static final int DEFAULT_WRITE_QUORUM = 2;
    public static final int DEFAULT_PARTITIONS = 256;
    public static final int DEFAULT_MAX_KEY_BYTES = 1024;
    public static final int DEFAULT_MAX_VALUE_BYTES = 1024 * 1024;
    public static final int DEFAULT_CLOCK_MAX_ENTRIES = 10;
    public static final int DEFAULT_SIBLINGS_WARN = 8;
    public static final int DEFAULT_SIBLINGS_MAX = 64;
    /**
     * Key-value requests a node takes on at once before it answers 503 {@code overloaded}: far above what a node
     * serves here at its best (about 30 at a time), and a bound on the memory values in flight hold (1 MiB each).
     */
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;

    public NodeConfig {
        require(nodeId != null && nodeId.matches("[A-Za-z0-9_-]{1,64}"), "dynamo.node.id",
                nodeId, "1 to 64 letters, digits, '-' or '_'");
        require(dataDir != null, "dynamo.data.dir", dataDir, "a directory path");
        require(replicas >= 1 && replicas <= 16, "dynamo.n", replicas, "1 to 16");
        require(readQuorum >= 1 && readQuorum <= replicas, "dynamo.r", readQuorum, "1 to N (" + replicas + ")");
        require(writeQuorum >= 1 && writeQuorum <= replicas, "dynamo.w", writeQuorum, "1 to N (" + replicas + ")");
        require(partitions >= 1 && partitions <= 65536 && Integer.bitCount(partitions) == 1, "dynamo.q", partitions,
                "a power of two from 1 to 65536");
        require(maxKeyBytes >= 1 && maxKeyBytes <= 65536, "dynamo.max.key.bytes", maxKeyBytes, "1 to 65536");
        require(maxValueBytes >= 1 && maxValueBytes <= 64 * 1024 * 1024, "dynamo.max.value.bytes", maxValueBytes,
                "1 to 67108864");
        require(clockMaxEntries >= 1 && clockMaxEntries <= 1000, "dynamo.clock.max.entries", clockMaxEntries,
                "1 to 1000");
        require(siblingsMax >= 1 && siblingsMax <= 10_000, "dynamo.siblings.max", siblingsMax, "1 to 10000");
        require(siblingsWarn >= 1 && siblingsWarn <= siblingsMax, "dynamo.siblings.warn", siblingsWarn,
                "1 to dynamo.siblings.max (" + siblingsMax + ")");
        require(durability != null && durability.durableWrites() <= writeQuorum, Durability.SETTING,
                durability == null ? null : durability.mode(), "none, interval or dw=K with K from 1 to W ("
                        + writeQuorum + ")");
        require(maxInFlight >= 1 && maxInFlight <= 100_000, "dynamo.max.inflight", maxInFlight, "1 to 100000");
    }

    /** A config with the default bound on requests in flight. */
    public NodeConfig(String nodeId, Path dataDir, int replicas, int readQuorum, int writeQuorum, int partitions,
                      int maxKeyBytes, int maxValueBytes, int clockMaxEntries, int siblingsWarn, int siblingsMax,
                      Durability durability) {
        this(nodeId, dataDir, replicas, readQuorum, writeQuorum, partitions, maxKeyBytes, maxValueBytes,
                clockMaxEntries, siblingsWarn, siblingsMax, durability, DEFAULT_MAX_IN_FLIGHT);
    }

    /** A config with the default durability. */
    public NodeConfig(String nodeId, Path dataDir, int replicas, int readQuorum, int writeQuorum, int partitions,
                      int maxKeyBytes, int maxValueBytes, int clockMaxEntries, int siblingsWarn, int siblingsMax) {
        this(nodeId, dataDir, replicas, readQuorum, writeQuorum, partitions, maxKeyBytes, maxValueBytes,
                clockMaxEntries, siblingsWarn, siblingsMax, Durability.DEFAULT);
    }

    /** A config with every default but the node id and data directory. */
    public static NodeConfig defaults(String nodeId, Path dataDir) {
        return new NodeConfig(nodeId, dataDir, DEFAULT_REPLICAS, DEFAULT_READ_QUORUM, DEFAULT_WRITE_QUORUM,
                DEFAULT_PARTITIONS, DEFAULT_MAX_KEY_BYTES, DEFAULT_MAX_VALUE_BYTES, DEFAULT_CLOCK_MAX_ENTRIES,
                DEFAULT_SIBLINGS_WARN, DEFAULT_SIBLINGS_MAX);
    }

    public NodeConfig withQuorum(int n, int r, int w) {
        return new NodeConfig(nodeId, dataDir, n, r, w, partitions, maxKeyBytes, maxValueBytes, clockMaxEntries,
                siblingsWarn, siblingsMax, durability, maxInFlight);
    }

    public NodeConfig withSiblingLimits(int warn, int max) {
        return new NodeConfig(nodeId, dataDir, replicas, readQuorum, writeQuorum, partitions, maxKeyBytes,
                maxValueBytes, clockMaxEntries, warn, max, durability, maxInFlight);
    }

    public NodeConfig withDurability(Durability d) {
        return new NodeConfig(nodeId, dataDir, replicas, readQuorum, writeQuorum, partitions, maxKeyBytes,
                maxValueBytes, clockMaxEntries, siblingsWarn, siblingsMax, d, maxInFlight);
    }

    public NodeConfig withMaxInFlight(int max) {
        return new NodeConfig(nodeId, dataDir, replicas, readQuorum, writeQuorum, partitions, maxKeyBytes,
                maxValueBytes, clockMaxEntries, siblingsWarn, siblingsMax, durability, max);
    }

    private static void require(boolean ok, String setting, Object value, String accepted) {
        if (!ok) {
            throw new InvalidConfigException(
                    "setting " + setting + " = " + value + " is invalid: it must be " + accepted);
        }
    }

    /** @throws InvalidKeyException when the key is longer than {@link #maxKeyBytes()} */
    public void requireKeyWithinLimit(Key key) {
        if (key.length() > maxKeyBytes) {
            throw new InvalidKeyException("the key has " + key.length() + " bytes; the limit is " + maxKeyBytes
                    + " (setting dynamo.max.key.bytes)");
        }
    }
}
