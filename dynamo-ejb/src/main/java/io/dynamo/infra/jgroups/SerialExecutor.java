package io.dynamo.infra.jgroups;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs tasks one at a time, in submission order, on a shared executor: listeners see views and suspicions in
 * the order JGroups produced them, without a thread of their own and without running on JGroups' threads.
 */
final class SerialExecutor implements Executor {
    private static final Logger LOG = Logger.getLogger(SerialExecutor.class.getName());

    private final Executor executor;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor executor) {
        this.executor = executor;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        schedule();
    }

    private void schedule() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (tasks) {
                LOG.fine(() -> "dropping " + tasks.size() + " cluster event(s): the executor is shut down");
                tasks.clear();
                running = false;
            }
        }
    }

    private void drain() {
        Runnable next;
        synchronized (tasks) {
            next = tasks.poll();
            if (next == null) {
                running = false;
                return;
            }
        }
        try {
            next.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a cluster event listener failed", e);
        }
        // One task per turn, then back to the executor: a long listener cannot monopolise a pooled thread.
        boolean more;
        synchronized (tasks) {
            more = !tasks.isEmpty();
            running = more;
        }
        if (more) {
            schedule();
        }
    }
}
