package io.dynamo.infra.xodus;

import io.dynamo.core.store.StorageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import jetbrains.exodus.ExodusException;
import jetbrains.exodus.env.EnvironmentConfig;
import jetbrains.exodus.env.EnvironmentImpl;
import jetbrains.exodus.env.Environments;
import jetbrains.exodus.env.Transaction;

/**
 * When the commits of one Xodus environment reach the disk. The environment itself never fsyncs a commit (that
 * would cost one fsync per write); instead:
 * <ul>
 *   <li>a write that must be durable is queued for the committer thread, which runs every write queued meanwhile in
 *   one transaction, fsyncs once and only then lets each of them return (group commit);</li>
 *   <li>with a sync interval, a timer fsyncs at most that long after any other commit;</li>
 *   <li>{@link #sync()} fsyncs at once, for what must never be lost (the counter reservation).</li>
 * </ul>
 */
final class XodusCommitter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(XodusCommitter.class.getName());
    private static final int MAX_BATCH = 1024;

    private final String name;
    private final EnvironmentImpl env;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Pending<Void> stop = new Pending<>(txn -> null);
    private final Thread committer;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean unsynced = new AtomicBoolean();
    private final AtomicLong batches = new AtomicLong();
    private volatile boolean closed;

    private XodusCommitter(String name, EnvironmentImpl env, Duration syncInterval) {
        this.name = name;
        this.env = env;
        this.committer = new Thread(this::commitLoop, "dynamo-xodus-commit " + name);
        committer.setDaemon(true);
        committer.start();
        if (syncInterval.isZero()) {
            timer = null;
        } else {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "dynamo-xodus-sync " + name);
                t.setDaemon(true);
                return t;
            });
            long ms = syncInterval.toMillis();
            timer.scheduleWithFixedDelay(this::syncIfWritten, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Opens the environment in {@code dir} with commits that are not fsynced, and its committer. Xodus' other
     * settings come from its {@code exodus.*} system properties, as for any Xodus environment.
     *
     * @param syncInterval how long after a commit the timer fsyncs it; zero for never (only requested syncs)
     */
    static XodusCommitter open(Path dir, Duration syncInterval, String what) {
        return open(dir, syncInterval, new EnvironmentConfig(), what);
    }

    /** As {@link #open(Path, Duration, String)} with Xodus' reader/writer provider named (a test's seam). */
    static XodusCommitter open(Path dir, Duration syncInterval, String provider, String what) {
        return open(dir, syncInterval, new EnvironmentConfig().setLogDataReaderWriterProvider(provider), what);
    }

    private static XodusCommitter open(Path dir, Duration syncInterval, EnvironmentConfig config, String what) {
        config.setLogDurableWrite(false).setEnvCloseForcedly(true);
        try {
            EnvironmentImpl env = (EnvironmentImpl) Environments.newInstance(dir.toFile(), config);
            return new XodusCommitter(what + " in " + dir, env, syncInterval);
        } catch (ExodusException | IllegalStateException e) {
            throw new StorageException("cannot open the " + what + " in " + dir + ": " + e.getMessage()
                    + "; check that the directory is writable and not used by another node", e);
        }
    }

    EnvironmentImpl env() {
        return env;
    }

    /** Tells the timer a commit happened that is not synced yet. */
    void written() {
        unsynced.set(true);
    }

    /**
     * Runs {@code work} in a transaction shared with the other durable writes queued meanwhile and returns its
     * result once that transaction is fsynced. Its exceptions reach the caller and affect no other write.
     * {@code work} may run more than once (when the shared transaction must be retried).
     */
    <T> T durably(Function<Transaction, T> work) {
        Pending<T> pending = new Pending<>(work);
        queue.add(pending);
        if (closed) {
            // The committer may already have gone: do not wait for it.
            pending.fail(new StorageException("the " + name + " is closed", null));
        }
        return pending.await();
    }

    /** Fsyncs every commit so far, now. */
    void sync() {
        env.flushAndSync();
    }

    /** Batches committed and synced since start (a test compares them with the fsyncs it counted). */
    long batches() {
        return batches.get();
    }

    private void syncIfWritten() {
        try {
            if (unsynced.getAndSet(false)) {
                sync();
            }
        } catch (RuntimeException e) {
            unsynced.set(true);
            LOG.log(Level.WARNING, "periodic sync of the " + name + " failed; retrying at the next interval", e);
        }
    }

    private void commitLoop() {
        List<Pending<?>> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            stopping = batch.remove(stop);
            if (!batch.isEmpty()) {
                commit(batch);
            }
            batch.clear();
        }
        List<Pending<?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.fail(new StorageException("the " + name + " is closed", null)));
    }

    private void commit(List<Pending<?>> batch) {
        try {
            env.executeInTransaction(txn -> batch.forEach(p -> p.run(txn)));
            sync();
            batches.incrementAndGet();
            batch.forEach(Pending::finish);
        } catch (RuntimeException e) {
            batch.forEach(p -> p.fail(e));
        }
    }

    @Override
    public void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
        queue.add(stop);
        try {
            committer.join(TimeUnit.SECONDS.toMillis(30));
            if (timer != null) {
                timer.awaitTermination(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        env.close();
    }

    /** One queued write: its result (or failure) from the last run, handed over once its batch is synced. */
    private static final class Pending<T> {
        private final Function<Transaction, T> work;
        private final CompletableFuture<T> done = new CompletableFuture<>();
        private T result;
        private RuntimeException failure;

        Pending(Function<Transaction, T> work) {
            this.work = work;
        }

        void run(Transaction txn) {
            try {
                result = work.apply(txn);
                failure = null;
            } catch (RuntimeException e) {
                result = null;
                failure = e;
            }
        }

        void finish() {
            if (failure == null) {
                done.complete(result);
            } else {
                done.completeExceptionally(failure);
            }
        }

        void fail(RuntimeException e) {
            done.completeExceptionally(e);
        }

        T await() {
            try {
                return done.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }
}
