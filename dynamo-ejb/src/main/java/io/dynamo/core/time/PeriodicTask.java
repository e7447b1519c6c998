package io.dynamo.core.time;

import java.time.Duration;

/** A task run every interval from {@link #start} until {@link #close}; both are idempotent. */
public final class PeriodicTask implements AutoCloseable {
    private final Scheduler scheduler;
    private final Duration interval;
    private final Runnable task;
    private Scheduler.Cancellable running;

    public PeriodicTask(Scheduler scheduler, Duration interval, Runnable task) {
        this.scheduler = scheduler;
        this.interval = interval;
        this.task = task;
    }

    public synchronized void start() {
        if (running == null) {
            running = scheduler.every(interval, task);
        }
    }

    @Override
    public synchronized void close() {
        if (running != null) {
            running.cancel();
            running = null;
        }
    }
}
