package io.dynamo.core.node;

import io.dynamo.core.antientropy.TombstoneSettings;
import io.dynamo.core.base.InvalidConfigException;
import io.dynamo.core.handoff.HintSettings;
import java.time.Duration;

/**
 * How long a node waits and how often its background work runs.
 *
 * @param requestTimeout      how long a replica may take to answer before it counts as missing
 * @param handoffInterval     how often held hints are offered to their targets
 * @param hintsPerRound       hints sent to one target per round, so delivery never starves foreground requests
 * @param antiEntropyInterval how often the node compares one of its partitions with another replica
 * @param probeInterval       how often peers marked unreachable are pinged
 * @param tombstones          when deleted keys are removed for good
 * @param hints               how many hints are held, and for how long
 */
public record NodeTiming(Duration requestTimeout, Duration handoffInterval, int hintsPerRound,
                         Duration antiEntropyInterval, Duration probeInterval, TombstoneSettings tombstones,
                         HintSettings hints) {

    public static final NodeTiming DEFAULTS = new NodeTiming(Duration.ofMillis(1000), Duration.ofSeconds(1), 200,
            Duration.ofSeconds(5), Duration.ofSeconds(1), TombstoneSettings.DEFAULTS, HintSettings.DEFAULTS);

    /** Timing with the default tombstone settings. */
    public NodeTiming(Duration requestTimeout, Duration handoffInterval, int hintsPerRound,
            Duration antiEntropyInterval, Duration probeInterval) {
        this(requestTimeout, handoffInterval, hintsPerRound, antiEntropyInterval, probeInterval,
                TombstoneSettings.DEFAULTS);
    }

    /** Timing with the default hint settings. */
    public NodeTiming(Duration requestTimeout, Duration handoffInterval, int hintsPerRound,
            Duration antiEntropyInterval, Duration probeInterval, TombstoneSettings tombstones) {
        this(requestTimeout, handoffInterval, hintsPerRound, antiEntropyInterval, probeInterval, tombstones,
                HintSettings.DEFAULTS);
    }

    public NodeTiming {
        if (requestTimeout.isNegative() || requestTimeout.isZero() || hintsPerRound < 1) {
            throw new InvalidConfigException("timing " + requestTimeout + "/" + hintsPerRound + " is invalid");
        }
    }

    public NodeTiming withTombstones(TombstoneSettings settings) {
        return new NodeTiming(requestTimeout, handoffInterval, hintsPerRound, antiEntropyInterval, probeInterval,
                settings, hints);
    }

    public NodeTiming withHints(HintSettings settings) {
        return new NodeTiming(requestTimeout, handoffInterval, hintsPerRound, antiEntropyInterval, probeInterval,
                tombstones, settings);
    }

    /** Forwarded requests wait for the coordinator's own round of replica requests and a margin. */
    public Duration forwardTimeout() {
        return requestTimeout.multipliedBy(3);
    }
}
