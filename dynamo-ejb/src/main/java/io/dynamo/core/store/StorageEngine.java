package io.dynamo.core.store;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.SiblingSet;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * A node's local store of sibling sets. Keys are kept in ring order (by the MD5 of the key), so the keys of one
 * partition are one contiguous range. Every method may throw {@link StorageException}.
 */
public interface StorageEngine extends AutoCloseable {

    /** The key's sibling set, {@link SiblingSet#EMPTY} when nothing is stored. */
    SiblingSet read(Key key);

    /**
     * Atomically replaces the key's sibling set with {@code change} applied to the current one, and returns what
     * was stored. {@code change} must be a pure function: under contention it may run more than once. Concurrent
     * updates of one key are serialised, so none is lost.
     */
    SiblingSet update(Key key, UnaryOperator<SiblingSet> change);

    /**
     * As {@link #update}, and returns only once the stored set is on stable storage (fsynced), so it survives a
     * power loss and not only a crash of the process. Writes waiting together share one sync.
     */
    SiblingSet updateSynced(Key key, UnaryOperator<SiblingSet> change);

    /** Removes the key if its stored set still equals {@code expected}; true if it did. */
    boolean remove(Key key, SiblingSet expected);

    /** Visits every key of one of {@code partitionCount} equal partitions, in ring order. */
    void scan(int partition, int partitionCount, BiConsumer<Key, SiblingSet> visitor);

    /**
     * Visits the keys of one of {@code partitionCount} equal partitions whose storage position
     * ({@link RingOrder#storageKey}) is at or after {@code from}, in ring order, until the partition ends or the
     * visitor returns false: a bounded read of part of a partition, resumed from where the last one stopped.
     */
    void scanFrom(int partition, int partitionCount, byte[] from, RangeVisitor visitor);

    /** Receives one key of {@link #scanFrom}; false stops the scan. */
    @FunctionalInterface
    interface RangeVisitor {
        boolean visit(Key key, SiblingSet set);
    }

    /** A name for this copy of the data, made when the store was created and kept across restarts. */
    String incarnation();

    /**
     * Durably reserves (on stable storage, whatever else the store syncs) a block of {@code count} counters, all greater than {@code floor} and than any counter
     * reserved before by this store, and returns the first.
     */
    long reserveCounters(long floor, int count);

    /** Number of keys stored (an estimate is acceptable for large stores). */
    long keyCount();

    @Override
    void close();
}
