package io.dynamo.testkit;

import io.dynamo.core.time.Scheduler;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * A manual clock and a task queue run on the caller's thread: time jumps to the next task, ties run in the
 * order scheduled, so a simulation is exactly repeatable.
 */
public final class SimulatedScheduler implements Scheduler {
    private record Task(long at, long seq, Runnable run, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) ->
            a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;

    public SimulatedScheduler(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public long nowMillis() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        queue.add(new Task(now + Math.max(0, delay.toMillis()), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Runs every task due within the next {@code duration}, then sets the clock to its end. */
    public void advance(Duration duration) {
        long end = now + duration.toMillis();
        while (true) {
            Task next = peekDue(end);
            if (next == null) {
                break;
            }
            runNext();
        }
        now = Math.max(now, end);
    }

    /** Runs tasks until the future is done or {@code limit} of simulated time has passed; returns whether done. */
    public boolean runUntil(CompletableFuture<?> future, Duration limit) {
        long end = now + limit.toMillis();
        while (!future.isDone()) {
            if (peekDue(end) == null) {
                now = Math.max(now, end);
                return future.isDone();
            }
            runNext();
        }
        return true;
    }

    private synchronized Task peekDue(long end) {
        Task t = queue.peek();
        return t != null && t.at <= end ? t : null;
    }

    private void runNext() {
        Task t;
        synchronized (this) {
            t = queue.poll();
        }
        now = Math.max(now, t.at);
        if (!t.cancelled[0]) {
            t.run.run();
        }
    }
}
