package io.dynamo.core.stats;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A histogram with fixed upper bounds: each value is counted in the first bucket whose bound it does not exceed, or
 * in the overflow bucket past the last. Memory is fixed at creation, however many values are recorded.
 */
public final class BucketCounts {
    private final long[] bounds;
    private final AtomicLongArray counts;
    private final LongAdder sum = new LongAdder();

    /** @param bounds upper bounds, inclusive, strictly increasing */
    public BucketCounts(long... bounds) {
        if (bounds.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one bucket bound");
        }
        for (int i = 1; i < bounds.length; i++) {
            if (bounds[i] <= bounds[i - 1]) {
                throw new IllegalArgumentException("bucket bounds must increase: " + Arrays.toString(bounds));
            }
        }
        this.bounds = bounds.clone();
        this.counts = new AtomicLongArray(bounds.length + 1);
    }

    public void record(long value) {
        int i = Arrays.binarySearch(bounds, value);
        counts.incrementAndGet(i >= 0 ? i : -i - 1);
        sum.add(value);
    }

    /** The counts so far; taken bucket by bucket, so a value recorded meanwhile may show in the sum alone. */
    public Snapshot snapshot() {
        long[] copy = new long[counts.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = counts.get(i);
        }
        return new Snapshot(bounds.clone(), copy, sum.sum());
    }

    /**
     * @param bounds the buckets' upper bounds
     * @param counts values per bucket, one more than bounds: the last counts values above every bound
     * @param sum    of every value recorded
     */
    public record Snapshot(long[] bounds, long[] counts, long sum) {

        public long count() {
            return Arrays.stream(counts).sum();
        }

        /** Values at most {@code bounds[bucket]}, or all values for {@code bucket == bounds.length}: Prometheus' le. */
        public long cumulative(int bucket) {
            long total = 0;
            for (int i = 0; i <= bucket; i++) {
                total += counts[i];
            }
            return total;
        }
    }
}
