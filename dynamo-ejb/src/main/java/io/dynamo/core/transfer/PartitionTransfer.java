package io.dynamo.core.transfer;

import io.dynamo.core.base.Key;
import io.dynamo.core.membership.RingChangeListener;
import io.dynamo.core.membership.RingUnknownException;
import io.dynamo.core.peer.PeerChannel;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.time.PeriodicTask;
import io.dynamo.core.time.Scheduler;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves this node's data when the ring changes. On each change it plans, per partition, what this node streams
 * ({@link TransferPlanner}), folding the plan into transfers still under way; a periodic tick starts pending
 * transfers, a few at a time, and retries those whose target was unreachable (they keep their place in the pass).
 * The node keeps serving its data until each key is dropped after its new owners confirmed it. At start, and
 * after the ring has been quiet a while, a sweep picks up data of partitions this node no longer replicates that
 * no transfer covers (a crash mid-transfer loses the in-memory plan, not the data).
 */
public final class PartitionTransfer implements RingChangeListener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PartitionTransfer.class.getName());

    private final String localNode;
    private final int replicas;
    private final Supplier<Ring> ring;
    private final Scheduler scheduler;
    private final TransferSettings settings;
    private final ReplicaStore store;
    private final PeerChannel peers;
    private final Map<Integer, TransferTask> tasks = new TreeMap<>();
    private volatile Runnable onIdle = () -> { };
    private final PeriodicTask periodic;
    private volatile int partitionCount;
    private long lastQuietStartMillis;
    private boolean sweepDue = true;

    /**
     * @param replicas N, the replicas per partition
     * @param ring     the current ring (the sweep's reference); may throw while the node knows no ring
     */
    public PartitionTransfer(String localNode, int replicas, Supplier<Ring> ring, ReplicaStore store,
            PeerChannel peers, Scheduler scheduler, TransferSettings settings) {
        if (replicas < 1) {
            throw new IllegalArgumentException("N must be at least 1, got " + replicas);
        }
        this.localNode = localNode;
        this.replicas = replicas;
        this.ring = ring;
        this.store = store;
        this.peers = peers;
        this.scheduler = scheduler;
        this.settings = settings;
        this.periodic = new PeriodicTask(scheduler, settings.tickInterval(), this::tick);
        this.lastQuietStartMillis = scheduler.nowMillis();
    }

    /** Starts the periodic tick (the first one sweeps); idempotent. */
    public synchronized PartitionTransfer start() {
        periodic.start();
        return this;
    }

    @Override
    public void close() {
        periodic.close();
    }

    /** Called when every transfer is done (for example to mark a leaving node LEFT). */
    public void onIdle(Runnable listener) {
        this.onIdle = listener;
    }

    @Override
    public void ringChanged(Optional<Ring> before, Ring after) {
        synchronized (this) {
            lastQuietStartMillis = scheduler.nowMillis();
            partitionCount = after.partitionCount();
            if (before.isEmpty() || before.get().partitionCount() != after.partitionCount()) {
                return;
            }
            tasks.values().removeIf(TransferTask::done);
            for (int p = 0; p < after.partitionCount(); p++) {
                TransferTask task = tasks.get(p);
                Optional<TransferSpec> next = TransferPlanner.combine(localNode,
                        Optional.ofNullable(task).map(TransferTask::spec),
                        TransferPlanner.plan(localNode, before.get(), after, replicas, p), after, replicas);
                if (next.isEmpty() && task != null) {
                    task.cancel();
                    tasks.remove(p);
                } else if (next.isPresent() && task != null) {
                    task.retarget(next.get(), after.version(), scheduler.nowMillis());
                } else if (next.isPresent()) {
                    tasks.put(p, new TransferTask(next.get(), after.version(), scheduler.nowMillis()));
                }
            }
        }
        scheduler.execute(this::startPending);
    }

    /**
     * Told of a replica write this node stored: when the key's partition is no longer this node's (the sender still
     * had an older ring) and no transfer covers it, the next tick sweeps instead of waiting for a quiet ring, so
     * the write reaches the current replicas within seconds.
     */
    public void stored(Key key) {
        Ring current;
        try {
            current = ring.get();
        } catch (RingUnknownException e) {
            return;
        }
        int partition = current.partitioner().partitionOf(key.md5());
        if (!current.preferenceList(partition, replicas).isReplica(localNode) && !covered(partition)) {
            synchronized (this) {
                sweepDue = true;
            }
        }
    }

    /** One periodic step: sweep when due, start what is pending. Never throws. */
    public void tick() {
        try {
            if (sweepIsDue()) {
                sweep();
            }
            startPending();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "partition transfer on node " + localNode + " failed a tick; it retries", e);
        }
    }

    /** Progress of every transfer of the latest ring change (and of the sweep), by partition. */
    public synchronized List<TransferProgress> progress() {
        return tasks.values().stream().map(TransferTask::snapshot).toList();
    }

    /** True when no transfer is pending or running. */
    public synchronized boolean idle() {
        return tasks.values().stream().allMatch(TransferTask::done);
    }

    /**
     * Looks for partitions this node holds data of but no longer replicates, that no transfer covers, and hands
     * each to the partition's current replicas, dropping it afterwards. Returns how many transfers it added.
     */
    public int sweep() {
        Ring current;
        try {
            current = ring.get();
        } catch (RingUnknownException e) {
            return 0;
        }
        partitionCount = current.partitionCount();
        SweepScanner scanner = new SweepScanner(store.storage(), current.partitionCount());
        int added = 0;
        for (int p = 0; p < current.partitionCount(); p++) {
            List<String> owners = current.preferenceList(p, replicas).replicas();
            if (owners.contains(localNode) || covered(p) || !scanner.holdsAny(p)) {
                continue;
            }
            synchronized (this) {
                if (!tasks.containsKey(p) || tasks.get(p).done()) {
                    tasks.put(p, new TransferTask(new TransferSpec(p, owners, true), current.version(),
                            scheduler.nowMillis()));
                    added++;
                }
            }
        }
        if (added > 0) {
            LOG.info("node " + localNode + " found " + added + " partitions it no longer replicates; handing them off");
        }
        return added;
    }

    private synchronized boolean covered(int partition) {
        TransferTask task = tasks.get(partition);
        return task != null && !task.done();
    }

    private synchronized boolean sweepIsDue() {
        long now = scheduler.nowMillis();
        long quiet = settings.sweepInterval().toMillis();
        if (sweepDue || quiet > 0 && now - lastQuietStartMillis >= quiet) {
            sweepDue = false;
            lastQuietStartMillis = now;
            return true;
        }
        return false;
    }

    /** Starts ready transfers up to the concurrency limit, those that waited longest first. Never throws. */
    private void startPending() {
        try {
            startReady();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "node " + localNode + " could not start its pending transfers; the next tick"
                    + " tries again", e);
        }
    }

    private void startReady() {
        List<TransferTask> starting;
        List<TransferTask.Lease> leases;
        synchronized (this) {
            long now = scheduler.nowMillis();
            long running = tasks.values().stream().filter(TransferTask::running).count();
            starting = tasks.values().stream().filter(t -> t.ready(now))
                    .sorted(Comparator.comparingLong(TransferTask::lastStartMillis))
                    .limit(Math.max(0, settings.maxConcurrent() - running)).toList();
            leases = starting.stream().map(t -> t.start(now)).toList();
        }
        if (starting.isEmpty()) {
            return;
        }
        PartitionStreamer streamer = new PartitionStreamer(partitionCount, store, peers, scheduler, settings);
        for (int i = 0; i < starting.size(); i++) {
            streamer.run(starting.get(i), leases.get(i)).whenComplete((ignored, failure) -> afterRun());
        }
    }

    private void afterRun() {
        if (idle()) {
            try {
                onIdle.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the idle listener of node " + localNode + " failed", e);
            }
        } else {
            scheduler.execute(this::startPending);
        }
    }

}
