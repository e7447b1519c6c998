package io.dynamo.core.antientropy;

import io.dynamo.core.base.Key;
import io.dynamo.core.replica.ReadReplica;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.time.PeriodicTask;
import io.dynamo.core.time.Scheduler;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.VectorClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes deleted keys for good. A delete leaves a tombstone so that no stale replica can bring the value back; the
 * tombstone may go once every replica of the key holds exactly the same one and it is older than the grace period.
 * The first replica of each partition checks its tombstones in turn: it asks the other replicas for their versions,
 * and only when all of them match does it tell each to remove the key if it is still that tombstone, and removes its
 * own copy. A write that races with this survives: a replica whose versions changed keeps them, and anti-entropy
 * brings them back to the replicas that removed the key.
 */
public final class TombstoneReaper implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TombstoneReaper.class.getName());

    private final String localNode;
    private final Supplier<Ring> ring;
    private final int replicas;
    private final ReplicaStore store;
    private final Function<Key, SiblingSet> localView;
    private final PeerCaller peers;
    private final Scheduler scheduler;
    private final TombstoneSettings settings;
    private final AtomicInteger nextPartition = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong reaped = new AtomicLong();
    private final PeriodicTask periodic;

    /**
     * @param localView what this node answers for a key, its hints included, so that a key it also holds as a
     *                  stand-in for another node is never removed
     */
    public TombstoneReaper(String localNode, Supplier<Ring> ring, int replicas, ReplicaStore store,
            Function<Key, SiblingSet> localView, PeerCaller peers, Scheduler scheduler, TombstoneSettings settings) {
        this.localNode = localNode;
        this.ring = ring;
        this.replicas = replicas;
        this.store = store;
        this.localView = localView;
        this.peers = peers;
        this.scheduler = scheduler;
        this.settings = settings;
        this.periodic = new PeriodicTask(scheduler, settings.interval(), this::tick);
    }

    public void start() {
        periodic.start();
    }

    @Override
    public void close() {
        periodic.close();
    }

    /** Tombstones this node has removed since it started (its own copies). */
    public long reaped() {
        return reaped.get();
    }

    /**
     * Checks the next partition this node leads and removes its expired tombstones; completes with how many it
     * removed here (0 when a check is still running or the node leads no partition).
     */
    public CompletableFuture<Integer> reapNext() {
        if (!running.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(0);
        }
        CompletableFuture<Integer> round;
        try {
            Ring current = ring.get();
            round = nextLedPartition(current)
                    .map(list -> reap(list))
                    .orElseGet(() -> CompletableFuture.completedFuture(0));
        } catch (RuntimeException e) {
            round = CompletableFuture.failedFuture(e);
        }
        return round.whenComplete((count, failure) -> running.set(false));
    }

    /** Removes the partition's expired tombstones that every replica agrees on; completes with the count. */
    public CompletableFuture<Integer> reap(PreferenceList list) {
        Map<Key, SiblingSet> expired = expiredTombstones(list.partition());
        AtomicInteger removed = new AtomicInteger();
        List<String> others = new ArrayList<>(list.replicas());
        others.remove(localNode);
        return BoundedLoop.run(new ArrayList<>(expired.entrySet()), 4, e -> reapKey(e.getKey(), e.getValue(), others)
                .thenAccept(done -> {
                    if (done) {
                        removed.incrementAndGet();
                    }
                })).thenApply(v -> removed.get());
    }

    private Map<Key, SiblingSet> expiredTombstones(int partition) {
        long now = scheduler.nowMillis();
        long cutoff = now - settings.grace().toMillis();
        Map<Key, SiblingSet> expired = new LinkedHashMap<>();
        store.storage().scan(partition, ring.get().partitionCount(), (key, versions) -> {
            if (expired.size() < settings.keysPerRound() && versions.isDeletedAt(now)
                    && newestUpdate(versions.clock()) <= cutoff) {
                expired.put(key, versions);
            }
        });
        return expired;
    }

    private CompletableFuture<Boolean> reapKey(Key key, SiblingSet tombstone, List<String> others) {
        List<CompletableFuture<Boolean>> agreements = new ArrayList<>();
        for (String peer : others) {
            agreements.add(peers.call(peer, new ReadReplica(key)).handle((reply, failure) ->
                    reply instanceof ReplicaState s && s.versions().equals(tombstone)));
        }
        return CompletableFuture.allOf(agreements.toArray(CompletableFuture[]::new)).thenCompose(v -> {
            boolean everyone = agreements.stream().allMatch(CompletableFuture::join)
                    && localView.apply(key).equals(tombstone);
            if (!everyone) {
                return CompletableFuture.completedFuture(false);
            }
            // Replicas that miss this message keep the tombstone; the next check or anti-entropy settles them.
            for (String peer : others) {
                peers.call(peer, new RemoveTombstone(key, tombstone)).exceptionally(failure -> null);
            }
            boolean removed = store.remove(key, tombstone);
            if (removed) {
                reaped.incrementAndGet();
            }
            return CompletableFuture.completedFuture(removed);
        });
    }

    /** A peer's {@link RemoveTombstone}: removes the key only if it is still exactly that tombstone. */
    public void remove(RemoveTombstone request) {
        if (request.versions().isDeletedAt(scheduler.nowMillis()) && localView.apply(request.key()).equals(request.versions())
                && store.remove(request.key(), request.versions())) {
            reaped.incrementAndGet();
        }
    }

    private Optional<PreferenceList> nextLedPartition(Ring current) {
        if (current.handover().isPresent()) {
            // During a ring change a tombstone's holders are two rings' replicas; removing it from some of them
            // could let an older copy on the others come back. Reaping waits for the change to end.
            return Optional.empty();
        }
        int q = current.partitionCount();
        int start = nextPartition.getAndIncrement();
        for (int i = 0; i < q; i++) {
            int p = Math.floorMod(start + i, q);
            PreferenceList list = current.preferenceList(p, replicas);
            if (list.replicas().get(0).equals(localNode)) {
                nextPartition.set(p + 1);
                return Optional.of(list);
            }
        }
        return Optional.empty();
    }

    private void tick() {
        reapNext().whenComplete((count, failure) -> {
            if (failure != null) {
                LOG.log(Level.FINE, "tombstone check on node " + localNode + " failed", failure);
            } else if (count > 0) {
                LOG.fine(() -> "node " + localNode + " removed " + count + " tombstones");
            }
        });
    }

    private static long newestUpdate(VectorClock clock) {
        long newest = Long.MIN_VALUE;
        for (VectorClock.Entry e : clock.entries()) {
            newest = Math.max(newest, e.time());
        }
        return newest;
    }
}
