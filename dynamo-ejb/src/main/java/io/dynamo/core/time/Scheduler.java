package io.dynamo.core.time;

import java.time.Duration;

/**
 * The node's only source of time and of deferred work. Production runs it on a thread pool; simulations on a
 * manual clock, one task at a time, in an order fixed by the seed.
 */
public interface Scheduler {

    /** Wall-clock milliseconds (the clock a simulation controls). */
    long nowMillis();

    /** Runs the task once after the delay; cancelling before then skips it. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs the task soon, not on the caller's stack. */
    default void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    /** Runs the task every period, first after one period, until cancelled. A failing run does not stop it. */
    default Cancellable every(Duration period, Runnable task) {
        Repeating repeating = new Repeating(this, period, task);
        repeating.next();
        return repeating;
    }

    /** A scheduled task that can be called off. */
    interface Cancellable {
        void cancel();
    }
}
