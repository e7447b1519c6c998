package io.dynamo.core.time;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A task rescheduled after each run, so slow runs never pile up. */
final class Repeating implements Scheduler.Cancellable {
    private static final Logger LOG = Logger.getLogger(Repeating.class.getName());

    private final Scheduler scheduler;
    private final Duration period;
    private final Runnable task;
    private volatile boolean cancelled;
    private volatile Scheduler.Cancellable pending;

    Repeating(Scheduler scheduler, Duration period, Runnable task) {
        this.scheduler = scheduler;
        this.period = period;
        this.task = task;
    }

    void next() {
        if (!cancelled) {
            pending = scheduler.schedule(period, this::run);
        }
    }

    private void run() {
        if (cancelled) {
            return;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "periodic task failed; it runs again in " + period, e);
        }
        next();
    }

    @Override
    public void cancel() {
        cancelled = true;
        Scheduler.Cancellable p = pending;
        if (p != null) {
            p.cancel();
        }
    }
}
