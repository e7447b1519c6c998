package io.dynamo.testkit;

import io.dynamo.core.time.Scheduler;
import java.time.Duration;

/**
 * One node's view of the simulated clock, off by a fixed amount: the node stamps versions and judges tombstone ages
 * by a clock that disagrees with its peers', while every task still runs in the cluster's one simulated timeline.
 */
final class SkewedScheduler implements Scheduler {
    private final SimulatedScheduler base;
    private final long offsetMillis;

    SkewedScheduler(SimulatedScheduler base, long offsetMillis) {
        this.base = base;
        this.offsetMillis = offsetMillis;
    }

    @Override
    public long nowMillis() {
        return base.nowMillis() + offsetMillis;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        return base.schedule(delay, task);
    }
}
