package io.dynamo.core.coordination;

import java.time.Duration;
import java.util.Arrays;

/**
 * Round trips of the last replica reads a coordinator made, and their 99th percentile: how long a get waits for
 * an asked replica before it reads one more (Cassandra's speculative retry at its default, 99p). Kept per node, not
 * per peer: a peer that is slower than the rest is exactly what the extra read is for.
 *
 * <p>The percentile is recomputed every {@link #RECOMPUTE_EVERY} samples, so a read costs one array store. The
 * delay is held between {@link #MIN_DELAY_MILLIS} (a burst of fast reads must not make every hiccup a second read)
 * and half the request timeout (so the extra read still has time to answer).
 */
final class ReplicaReadLatency {
    static final int SAMPLES = 512;
    static final int RECOMPUTE_EVERY = 64;
    static final long MIN_DELAY_MILLIS = 5;

    private final long[] samples = new long[SAMPLES];
    private final long maxDelayMillis;
    private int next;
    private int filled;
    private volatile long delayMillis;

    ReplicaReadLatency(Duration requestTimeout) {
        this.maxDelayMillis = Math.max(MIN_DELAY_MILLIS, requestTimeout.toMillis() / 2);
        // Before anything is measured: a tenth of the timeout, a guess that neither floods nor waits long.
        this.delayMillis = clamp(requestTimeout.toMillis() / 10);
    }

    synchronized void record(long millis) {
        samples[next] = millis;
        next = (next + 1) % SAMPLES;
        filled = Math.min(filled + 1, SAMPLES);
        if (next % RECOMPUTE_EVERY == 0) {
            long[] sorted = Arrays.copyOf(samples, filled);
            Arrays.sort(sorted);
            delayMillis = clamp(sorted[(int) Math.ceil(filled * 0.99) - 1]);
        }
    }

    long speculativeDelayMillis() {
        return delayMillis;
    }

    private long clamp(long millis) {
        return Math.max(MIN_DELAY_MILLIS, Math.min(maxDelayMillis, millis));
    }
}
