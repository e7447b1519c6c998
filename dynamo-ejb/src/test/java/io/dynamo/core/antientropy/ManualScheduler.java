package io.dynamo.core.antientropy;

import io.dynamo.core.time.Scheduler;
import java.time.Duration;
import java.util.PriorityQueue;

/** A scheduler whose time moves only when a test advances it; tasks run on the test's thread. */
final class ManualScheduler implements Scheduler {
    private record Task(long due, long seq, Runnable run, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private long now = 1_000_000;
    private long seq;

    @Override
    public long nowMillis() {
        return now;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = new boolean[1];
        tasks.add(new Task(now + delay.toMillis(), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    void advance(Duration duration) {
        long until = now + duration.toMillis();
        while (!tasks.isEmpty() && tasks.peek().due <= until) {
            Task t = tasks.poll();
            now = t.due;
            if (!t.cancelled[0]) {
                t.run.run();
            }
        }
        now = until;
    }
}
