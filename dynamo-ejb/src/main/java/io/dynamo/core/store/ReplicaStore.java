package io.dynamo.core.store;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.HybridClock;
import io.dynamo.core.version.HybridTime;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import io.dynamo.core.version.VectorClock;
import java.time.Clock;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** What one replica does with its local store: stamp a coordinated write, or merge one sent by a peer. */
public final class ReplicaStore {
    private final StorageEngine storage;
    private final DotSource dots;
    private final Clock clock;
    private final int maxClockEntries;
    private final SiblingLimits limits;
    private final HybridClock hybridClock;
    private volatile Predicate<Key> garbage = key -> false;
    private volatile Predicate<Key> latestWins = key -> false;
    private final StorageHealth health = new StorageHealth();
    private volatile WriteListener listener = WriteListener.NONE;

    public ReplicaStore(StorageEngine storage, DotSource dots, Clock clock, int maxClockEntries, SiblingLimits limits) {
        this.storage = storage;
        this.dots = dots;
        this.clock = clock;
        this.maxClockEntries = maxClockEntries;
        this.limits = limits;
        this.hybridClock = new HybridClock(clock::millis);
    }

    /** Installs the one listener told of every change (replaces any earlier one). */
    public void listen(WriteListener writeListener) {
        this.listener = writeListener;
    }

    /** The key's versions; those expired by now are buried (stored as tombstones of the same dots) first. */
    public SiblingSet read(Key key) {
        SiblingSet current = storage.read(key);
        long now = clock.millis();
        return current.expired(now) == current ? current : update(key, false, versions -> versions);
    }

    /** This node's hybrid logical clock, which stamps the versions it coordinates. */
    public HybridClock hybridClock() {
        return hybridClock;
    }

    /**
     * Keys whose namespace's policy is {@code last-write-wins}: their versions collapse to the latest whenever this
     * store writes or merges them (replaces any earlier predicate).
     */
    public void resolveLatestWins(Predicate<Key> keys) {
        this.latestWins = keys;
    }

    /** The versions as the key's namespace keeps them: the latest only for {@code last-write-wins}, else all. */
    public SiblingSet resolved(Key key, SiblingSet versions) {
        return latestWins.test(key) ? versions.latestWins() : versions.keepingSiblings();
    }

    /**
     * Stamps a new version with a fresh dot of this node and stores it; returns the key's new sibling set.
     *
     * @throws TooManySiblingsException when the write would break the sibling limit; nothing is stored then
     */
    public SiblingSet coordinate(Key key, Context context, Value value) {
        return coordinate(key, context, value, false);
    }

    /** As {@link #coordinate(Key, Context, Value)}; when {@code synced}, returns once the write is fsynced. */
    public SiblingSet coordinate(Key key, Context context, Value value, boolean synced) {
        long now = clock.millis();
        SiblingSet after = update(key, synced, current -> {
            // A dot beyond anything this actor has issued for the key, even if the context claims more.
            long floor = Math.max(current.clock().counter(dots.actor()), context.clock().counter(dots.actor()));
            Dot dot = dots.next(floor);
            // The stamp follows every version this node holds, so an overwrite is later than what it overwrote, and
            // the wall-clock times in the context, for versions it covers that have not reached this node yet.
            hybridClock.observe(current.latestTime());
            hybridClock.observe(new HybridTime(newestEntry(context.clock()), 0));
            SiblingSet next = resolved(key, current.put(context, dot, value, now, hybridClock.now(), maxClockEntries));
            limits.check(key, current, next);
            return next;
        });
        limits.stored(key, after, now);
        return after;
    }

    private static long newestEntry(VectorClock clock) {
        long newest = 0;
        for (VectorClock.Entry e : clock.entries()) {
            newest = Math.max(newest, e.time());
        }
        return newest;
    }

    /** Merges versions received from another replica. */
    public SiblingSet merge(Key key, SiblingSet incoming) {
        return merge(key, incoming, false);
    }

    /** As {@link #merge(Key, SiblingSet)}; when {@code synced}, returns once the write is fsynced. */
    public SiblingSet merge(Key key, SiblingSet incoming, boolean synced) {
        hybridClock.observe(incoming.latestTime());
        return update(key, synced, current -> resolved(key, current.merge(incoming)).truncate(maxClockEntries));
    }

    /** Removes the key if it is still exactly {@code expected} (after its data moved to its new owners). */
    public boolean remove(Key key, SiblingSet expected) {
        boolean removed = storage.remove(key, expected);
        if (removed) {
            listener.written(key, expected, SiblingSet.EMPTY);
        }
        return removed;
    }

    /**
     * Keys this store no longer takes: writes of them (from coordinators, replicas, hints, transfers, repairs) are
     * acknowledged and discarded. Used for the keys of dropped namespaces.
     */
    public void discard(Predicate<Key> garbage) {
        this.garbage = garbage;
    }

    private SiblingSet update(Key key, boolean synced, UnaryOperator<SiblingSet> change) {
        if (!key.inDefaultNamespace() && garbage.test(key)) {
            return SiblingSet.EMPTY;
        }
        // The change may run more than once under contention; the last run's input is what it replaced.
        SiblingSet[] before = new SiblingSet[1];
        long now = clock.millis();
        // Every write buries the versions expired by now, so expired values leave through the tombstone path.
        UnaryOperator<SiblingSet> recorded = current -> {
            before[0] = current;
            return change.apply(current).expired(now);
        };
        SiblingSet after;
        try {
            after = synced ? storage.updateSynced(key, recorded) : storage.update(key, recorded);
        } catch (StorageException e) {
            health.failed(e.getMessage());
            throw e;
        }
        health.succeeded();
        if (!after.equals(before[0])) {
            listener.written(key, before[0], after);
        }
        return after;
    }

    public StorageHealth health() {
        return health;
    }

    public SiblingLimits limits() {
        return limits;
    }

    public StorageEngine storage() {
        return storage;
    }
}
