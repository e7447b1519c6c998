package io.dynamo.core.transfer;

import java.time.Duration;

/**
 * How partition transfers pace themselves.
 *
 * @param batchSize     keys per {@link io.dynamo.core.transfer.TransferBatch}; each batch waits for the
 *                      targets' acknowledgements before the next, so a transfer never floods a new owner
 * @param tickInterval  how often pending transfers are started or retried (after a failure, not sooner)
 * @param maxConcurrent partitions streamed at once, so transfers leave room for foreground requests
 * @param sweepInterval how long the ring must be quiet before the node looks for data of partitions it no longer
 *                      replicates that no transfer covers (left by a crash mid-transfer); zero: only at start
 * @param copyDelay     how long after every node has seen a ring change the copies for it start: longer than a
 *                      write coordinated on the older ring can take, so every such write acknowledged is in the copy
 */
public record TransferSettings(int batchSize, Duration tickInterval, int maxConcurrent, Duration sweepInterval,
                               Duration copyDelay) {

    public static final TransferSettings DEFAULTS = new TransferSettings(200, Duration.ofSeconds(1), 2,
            Duration.ofMinutes(10), Duration.ofSeconds(10));

    public TransferSettings(int batchSize, Duration tickInterval, int maxConcurrent, Duration sweepInterval) {
        this(batchSize, tickInterval, maxConcurrent, sweepInterval, Duration.ZERO);
    }

    public TransferSettings withCopyDelay(Duration delay) {
        return new TransferSettings(batchSize, tickInterval, maxConcurrent, sweepInterval, delay);
    }

    public TransferSettings {
        if (batchSize < 1 || maxConcurrent < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " and concurrency " + maxConcurrent
                    + " must be at least 1");
        }
        if (tickInterval.isNegative() || tickInterval.isZero() || sweepInterval.isNegative() || copyDelay.isNegative()) {
            throw new IllegalArgumentException("tick interval " + tickInterval + " must be positive and sweep interval "
                    + sweepInterval + " not negative");
        }
    }
}
