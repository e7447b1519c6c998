package io.dynamo.core.antientropy;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how much anti-entropy works.
 *
 * @param interval          time between two exchanges started by the periodic task (one partition each)
 * @param maxKeysPerQuery   key hashes sent in one segment query; segments are grouped up to this (a single larger
 *                          segment still goes whole, since the peer answers per segment)
 * @param maxWritesInFlight writes sent to the peer concurrently while repairing it
 */
public record AntiEntropySettings(Duration interval, int maxKeysPerQuery, int maxWritesInFlight) {
    public AntiEntropySettings {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the anti-entropy interval must be positive, got " + interval);
        }
        if (maxKeysPerQuery < 1 || maxWritesInFlight < 1) {
            throw new IllegalArgumentException("maxKeysPerQuery and maxWritesInFlight must be at least 1, got "
                    + maxKeysPerQuery + " and " + maxWritesInFlight);
        }
    }

    public static AntiEntropySettings defaults() {
        return new AntiEntropySettings(Duration.ofSeconds(1), 1000, 8);
    }

    public AntiEntropySettings withInterval(Duration newInterval) {
        return new AntiEntropySettings(newInterval, maxKeysPerQuery, maxWritesInFlight);
    }
}
