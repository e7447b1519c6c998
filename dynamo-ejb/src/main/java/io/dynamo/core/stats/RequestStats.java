package io.dynamo.core.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the node's answered key-value requests looked like: live siblings per read answered (the merged set the
 * client gets), bytes per value written, and requests that ran out of time, by operation.
 */
public final class RequestStats {
    static final long[] SIBLING_BOUNDS = {0, 1, 2, 3, 4, 8, 16, 32, 64};
    static final long[] VALUE_BYTES_BOUNDS = {128, 1_024, 4_096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304};

    private final BucketCounts siblings = new BucketCounts(SIBLING_BOUNDS);
    private final BucketCounts valueBytes = new BucketCounts(VALUE_BYTES_BOUNDS);
    private final Map<String, LongAdder> timeouts = new ConcurrentHashMap<>();

    public RequestStats() {
        // The operations show from the start, at zero.
        for (String operation : new String[] {"get", "put", "delete"}) {
            timeouts.put(operation, new LongAdder());
        }
    }

    /** A read answered with this many live siblings (0: not found). */
    public void read(int liveSiblings) {
        siblings.record(liveSiblings);
    }

    /** A write of a value of this size accepted (W replicas acknowledged it). */
    public void written(long bytes) {
        valueBytes.record(bytes);
    }

    /** A request answered 503 because no quorum answered within the node's time limit. */
    public void timedOut(String operation) {
        timeouts.computeIfAbsent(operation, o -> new LongAdder()).increment();
    }

    public Snapshot snapshot() {
        Map<String, Long> byOperation = new TreeMap<>();
        timeouts.forEach((operation, count) -> byOperation.put(operation, count.sum()));
        return new Snapshot(siblings.snapshot(), valueBytes.snapshot(), byOperation);
    }

    /**
     * @param siblingsPerRead live siblings of each read answered
     * @param valueBytes      size of each value written
     * @param timeouts        requests out of time, by operation
     */
    public record Snapshot(BucketCounts.Snapshot siblingsPerRead, BucketCounts.Snapshot valueBytes,
                           Map<String, Long> timeouts) {
        public Snapshot {
            timeouts = Map.copyOf(timeouts);
        }
    }
}
