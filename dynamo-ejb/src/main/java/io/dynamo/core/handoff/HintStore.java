package io.dynamo.core.handoff;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.SiblingSet;
import java.util.List;
import java.util.Set;

/**
 * Hints, one per (target, key): a new hint for the same pair merges into the held one. Kept apart from the node's
 * own data so it never counts as a replica of partitions the node does not own. The node's store (Xodus) keeps them
 * across restarts; the in-memory one, for simulations, only as long as the object lives.
 */
public interface HintStore extends AutoCloseable {

    /**
     * Merges the versions into the hint held for the target and key. A persistent store has committed it before
     * this returns, so it survives a crash of the process; with {@code synced} it has also fsynced it, so it survives
     * a power loss (otherwise that is up to the store's sync interval, as for the node's data).
     */
    void add(String target, Key key, SiblingSet versions, long nowMillis, boolean synced);

    /** {@link #add(String, Key, SiblingSet, long, boolean)} without waiting for a sync. */
    default void add(String target, Key key, SiblingSet versions, long nowMillis) {
        add(target, key, versions, nowMillis, false);
    }

    /** All versions of the key held for any target, merged (a stand-in replica answers reads with them). */
    SiblingSet read(Key key);

    /** Up to {@code max} hints for the target, oldest keys first where the store can tell. */
    List<Hint> batch(String target, int max);

    /** Removes the hint if it still holds exactly the delivered versions; true if it did. */
    boolean remove(String target, Key key, SiblingSet delivered);

    /** The targets that have hints: cheap, asked every delivery round. */
    Set<String> targets();

    /**
     * The queue of each target that has hints. The node's store answers from counters it keeps as hints come and
     * go, so the cost does not grow with the number of hints (the console's event stream and the metrics ask every
     * second); the in-memory one counts its map.
     */
    List<HintQueue> queues();

    /** Removes every hint held for the target; returns how many. */
    long purge(String target);

    /** Removes every hint first stored before {@code storedBeforeMillis}, for any target; returns how many. */
    long expire(long storedBeforeMillis);

    @Override
    void close();
}
