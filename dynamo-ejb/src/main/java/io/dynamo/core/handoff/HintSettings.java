package io.dynamo.core.handoff;

import io.dynamo.core.base.InvalidConfigException;
import java.time.Duration;

/**
 * How many hints a node holds, and for how long.
 *
 * @param window            a target down (or not taking its hints) longer than this gets no new hints: anti-entropy
 *                          repairs it when it returns ({@code dynamo.hints.window.ms})
 * @param maxBytesPerTarget hints held for one target, at most ({@code dynamo.hints.max.bytes.per.target})
 * @param maxBytesTotal     hints held for all targets, at most ({@code dynamo.hints.max.bytes})
 * @param maxAge            a hint not delivered by then is dropped ({@code dynamo.hints.max.age.ms})
 */
public record HintSettings(Duration window, long maxBytesPerTarget, long maxBytesTotal, Duration maxAge) {
    public static final HintSettings DEFAULTS = new HintSettings(Duration.ofHours(3), 256L << 20, 1L << 30,
            Duration.ofHours(3));

    public HintSettings {
        if (window.toMillis() < 1 || maxBytesPerTarget < 1 || maxBytesTotal < 1 || maxAge.toMillis() < 1) {
            throw new InvalidConfigException("hint settings " + window + ", " + maxBytesPerTarget + ", "
                    + maxBytesTotal + ", " + maxAge + " are invalid: each must be positive");
        }
    }
}
