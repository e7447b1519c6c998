package io.dynamo.core.antientropy;

import io.dynamo.core.base.InvalidConfigException;
import java.time.Duration;

/**
 * When tombstones may go.
 *
 * @param grace        how old a tombstone must be (since the newest entry of its clock) before it is removed: longer
 *                     than any message, hint or handed-over write that could still carry an older version of the key
 * @param interval     how often the node checks one of the partitions it leads
 * @param keysPerRound most tombstones removed in one check, so a mass delete never floods the replicas
 */
public record TombstoneSettings(Duration grace, Duration interval, int keysPerRound) {

    public static final TombstoneSettings DEFAULTS =
            new TombstoneSettings(Duration.ofHours(1), Duration.ofSeconds(10), 1000);

    public TombstoneSettings {
        if (grace.isNegative() || interval.isNegative() || interval.isZero() || keysPerRound < 1) {
            throw new InvalidConfigException("tombstone settings grace " + grace + ", interval " + interval
                    + ", keys per round " + keysPerRound + " are invalid: grace >= 0, interval > 0, keys >= 1");
        }
    }
}
