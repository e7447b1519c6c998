package io.dynamo.core.transfer;

import io.dynamo.core.base.Key;
import io.dynamo.core.membership.RingChangeListener;
import io.dynamo.core.membership.RingUnknownException;
import io.dynamo.core.peer.PeerChannel;
import io.dynamo.core.ring.Handover;
import io.dynamo.core.ring.PartitionStream;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.StreamPlan;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.time.PeriodicTask;
import io.dynamo.core.time.Scheduler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves this node's data when the ring changes. While a change is handed over ({@link Ring#handover}), once every
 * node has seen it and a delay has let writes coordinated on the older ring finish, this node copies each partition
 * it must hand over ({@link Ring#streams}) to the partition's new replicas and confirms each copy to the membership,
 * so reads move to the new replicas only once they hold the data. When the change is over, the data of partitions
 * this node no longer holds is handed to their replicas once more and dropped, key by key, after they confirmed it
 * (the sweep). A periodic tick starts pending transfers, a few at a time, and retries those whose target was
 * unreachable (they keep their place in the pass). At start, and after the ring has been quiet a while, the sweep
 * also picks up data no transfer covers (a crash loses the in-memory plan, not the data).
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
    private volatile Confirmer confirmer = (version, stream) -> { };
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

    /** Plans the copies a ring change under way needs of this node, and starts the periodic tick (the first one sweeps). */
    public PartitionTransfer start() {
        try {
            // A node restarted during a ring change owes the copies it had not confirmed: plan them again.
            ringChanged(Optional.empty(), ring.get());
        } catch (RingUnknownException e) {
            // Nothing to copy before the node knows a ring.
        }
        periodic.start();
        return this;
    }

    @Override
    public void close() {
        periodic.close();
    }

    /** Told of each copy done for a ring change: (the ring's version, the stream). */
    @FunctionalInterface
    public interface Confirmer {
        void confirm(long ringVersion, PartitionStream stream);
    }

    /** Called when every transfer is done (for example to mark a leaving node LEFT). */
    public void onIdle(Runnable listener) {
        this.onIdle = listener;
    }

    /** Called for every copy this node finished for a ring change (the membership records it). */
    public void onCopied(Confirmer listener) {
        this.confirmer = listener;
    }

    @Override
    public void ringChanged(Optional<Ring> before, Ring after) {
        synchronized (this) {
            lastQuietStartMillis = scheduler.nowMillis();
            partitionCount = after.partitionCount();
            if (before.isPresent() && before.get().partitionCount() != after.partitionCount()) {
                return;
            }
            // Done tasks stay visible until the next change begins (their progress is what the admin reads).
            tasks.values().removeIf(t -> t.done() && t.ringVersion() != after.version());
            long now = scheduler.nowMillis();
            Map<Integer, List<String>> copies = copiesDue(after);
            for (TransferTask task : List.copyOf(tasks.values())) {
                if (!task.done() && !task.spec().drop() && !copies.containsKey(task.partition())) {
                    task.cancel();
                    tasks.remove(task.partition());
                } else if (!task.done() && task.spec().drop()) {
                    retargetDrop(task, after, now);
                }
            }
            copies.forEach((p, targets) -> {
                TransferSpec spec = new TransferSpec(p, targets, false);
                TransferTask task = tasks.get(p);
                if (task == null || task.done() && !task.spec().equals(spec)) {
                    tasks.put(p, new TransferTask(spec, after.version(), now, now + settings.copyDelay().toMillis()));
                } else if (!task.done() && !task.spec().drop()) {
                    task.retarget(spec, after.version(), now);
                }
            });
            before.filter(b -> after.handover().isEmpty() && !b.equals(after))
                    .ifPresent(b -> planDrops(b.handover().map(Handover::previous).orElse(b), after, now));
        }
        scheduler.execute(this::tick);
    }

    /**
     * A hand-off still under way whose target is no longer in the ring (it was removed or replaced while dead)
     * would retry forever: its copy goes to the partition's current replicas instead, and the pass starts over.
     */
    private void retargetDrop(TransferTask task, Ring after, long now) {
        List<String> targets = task.spec().targets();
        Set<String> participants = after.participants();
        if (participants.containsAll(targets)) {
            return;
        }
        Set<String> next = new LinkedHashSet<>(targets);
        next.retainAll(participants);
        next.addAll(after.preferenceList(task.partition(), replicas).replicas());
        next.remove(localNode);
        if (!next.isEmpty()) {
            task.retarget(new TransferSpec(task.partition(), List.copyOf(next), true), after.version(), now);
        }
    }

    /**
     * A change is over (or this node learns of its end late): every partition this node replicated before it and no
     * longer does is handed to its new replicas once more and dropped key by key after they confirmed. Whatever
     * else it holds of partitions it does not replicate, the sweep then finds.
     */
    private void planDrops(Ring from, Ring to, long now) {
        for (int p = 0; p < to.partitionCount(); p++) {
            List<String> targets = StreamPlan.targets(localNode, from, to, replicas, p);
            if (!targets.isEmpty() && !to.preferenceList(p, replicas).isReplica(localNode)) {
                TransferTask task = tasks.get(p);
                if (task != null) {
                    task.cancel();
                }
                tasks.put(p, new TransferTask(new TransferSpec(p, targets, true), to.version(), now));
            }
        }
        sweepDue = true;
    }

    /** The copies this node still owes for the ring's change, by partition; none until every node has seen it. */
    private Map<Integer, List<String>> copiesDue(Ring ring) {
        Map<Integer, List<String>> due = new TreeMap<>();
        if (ring.handover().isEmpty() || !ring.seenByAll()) {
            return due;
        }
        Set<PartitionStream> confirmed = ring.handover().get().confirmed();
        for (PartitionStream s : ring.streams(replicas)) {
            if (s.source().equals(localNode) && !confirmed.contains(s)) {
                due.computeIfAbsent(s.partition(), p -> new ArrayList<>()).add(s.target());
            }
        }
        return due;
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
        if (!current.holders(partition, replicas).contains(localNode) && !covered(partition)) {
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
            if (idle()) {
                onIdle.run();
            }
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
     * Looks for partitions this node holds data of but no longer replicates (nor hands over), that no transfer
     * covers, and hands each to the partition's replicas, dropping it afterwards. Returns how many it added.
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
            List<String> owners = new ArrayList<>(current.holders(p, replicas));
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
            TransferTask task = starting.get(i);
            streamer.run(task, leases.get(i)).whenComplete((ignored, failure) -> afterRun(task));
        }
    }

    private void afterRun(TransferTask task) {
        TransferSpec spec = task.spec();
        if (task.done() && !spec.drop()) {
            for (String target : spec.targets()) {
                try {
                    confirmer.confirm(task.ringVersion(), new PartitionStream(spec.partition(), localNode, target));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "node " + localNode + " could not record its copy of partition "
                            + spec.partition() + " to " + target + "; the copy is made again", e);
                    task.retarget(spec, task.ringVersion(), scheduler.nowMillis());
                }
            }
        }
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
