package io.dynamo.core.time;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The production scheduler: a scheduled executor and the system clock. */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
    private final ScheduledExecutorService executor;
    private final Runnable onClose;

    public ExecutorScheduler(ScheduledExecutorService executor) {
        this(executor, () -> { });
    }

    /** @param onClose releases what the node was given along with this executor (more pools), after it stops */
    public ExecutorScheduler(ScheduledExecutorService executor, Runnable onClose) {
        this.executor = executor;
        this.onClose = onClose;
    }

    @Override
    public long nowMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        onClose.run();
    }
}
