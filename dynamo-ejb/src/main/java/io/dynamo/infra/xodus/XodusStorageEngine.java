package io.dynamo.infra.xodus;

import io.dynamo.core.backup.BackupSource;
import io.dynamo.core.base.Key;
import io.dynamo.core.store.RingOrder;
import io.dynamo.core.store.StorageEngine;
import io.dynamo.core.store.StorageException;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.SiblingSetCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import jetbrains.exodus.ArrayByteIterable;
import jetbrains.exodus.ByteIterable;
import jetbrains.exodus.ExodusException;
import jetbrains.exodus.bindings.LongBinding;
import jetbrains.exodus.bindings.StringBinding;
import jetbrains.exodus.env.Cursor;
import jetbrains.exodus.env.Environment;
import jetbrains.exodus.env.Store;
import jetbrains.exodus.env.StoreConfig;
import jetbrains.exodus.env.Transaction;

/**
 * Sibling sets in a Xodus environment: one store keyed by {@link RingOrder} (so a partition is a key range), one
 * small store for the incarnation and the counter reservation. Read-modify-write runs in one Xodus transaction,
 * which Xodus retries on conflict, so concurrent updates of a key are serialised without locks of our own.
 * When commits reach the disk is up to {@link XodusCommitter}: synced writes share one fsync, the counter
 * reservation and the incarnation are synced at once, the rest within the sync interval (or when Xodus' own
 * periodic sync runs, without an interval).
 */
public final class XodusStorageEngine implements StorageEngine {
    private static final String DATA = "siblings";
    private static final String META = "meta";
    private static final ByteIterable INCARNATION = StringBinding.stringToEntry("incarnation");
    private static final ByteIterable COUNTER_HIGH = StringBinding.stringToEntry("counter-high");

    private final Path dir;
    private final XodusCommitter commits;
    private final Environment env;
    private final Store data;
    private final Store meta;
    private final String incarnation;

    private XodusStorageEngine(Path dir, XodusCommitter commits, boolean newIncarnation) {
        this.dir = dir;
        this.commits = commits;
        this.env = commits.env();
        this.data = env.computeInTransaction(
                txn -> env.openStore(DATA, StoreConfig.WITHOUT_DUPLICATES_WITH_PREFIXING, txn));
        this.meta = env.computeInTransaction(txn -> env.openStore(META, StoreConfig.WITHOUT_DUPLICATES, txn));
        this.incarnation = env.computeInTransaction(txn -> loadOrCreateIncarnation(txn, newIncarnation));
        // The store's name is on the disk before anything is written under it (one fsync per open).
        commits.sync();
    }

    /**
     * Opens (creating when missing) the store in {@code dir}.
     *
     * @param syncInterval how long after a commit it is fsynced at the latest; zero leaves that to Xodus (whose
     *                     own periodic sync runs only when later writes come), so a power loss may take any of it
     */
    public static XodusStorageEngine open(Path dir, Duration syncInterval) {
        return open(dir, XodusCommitter.open(dir, syncInterval, "store"), false);
    }

    /**
     * As {@link #open(Path, Duration)}, under a new incarnation: for a store restored from a backup, whose node
     * issued counters past the backup's reservation that the copy does not know of.
     */
    public static XodusStorageEngine openAsNewIncarnation(Path dir, Duration syncInterval) {
        return open(dir, XodusCommitter.open(dir, syncInterval, "store"), true);
    }

    /** As {@link #open(Path, Duration)}, with Xodus' reader/writer provider named (a test's seam). */
    static XodusStorageEngine open(Path dir, Duration syncInterval, String provider) {
        return open(dir, XodusCommitter.open(dir, syncInterval, provider, "store"), false);
    }

    private static XodusStorageEngine open(Path dir, XodusCommitter commits, boolean newIncarnation) {
        try {
            return new XodusStorageEngine(dir, commits, newIncarnation);
        } catch (RuntimeException e) {
            commits.close();
            throw e;
        }
    }

    @Override
    public SiblingSet read(Key key) {
        byte[] storageKey = RingOrder.storageKey(key);
        return guarded("read " + key, () -> env.computeInReadonlyTransaction(txn -> decode(
                data.get(txn, new ArrayByteIterable(storageKey)), key)));
    }

    @Override
    public SiblingSet update(Key key, UnaryOperator<SiblingSet> change) {
        ArrayByteIterable storageKey = new ArrayByteIterable(RingOrder.storageKey(key));
        SiblingSet stored = guarded("write " + key, () -> env.computeInTransaction(
                txn -> apply(txn, key, storageKey, change)));
        commits.written();
        return stored;
    }

    @Override
    public SiblingSet updateSynced(Key key, UnaryOperator<SiblingSet> change) {
        ArrayByteIterable storageKey = new ArrayByteIterable(RingOrder.storageKey(key));
        return guarded("write " + key + " durably", () -> commits.durably(txn -> apply(txn, key, storageKey, change)));
    }

    private SiblingSet apply(Transaction txn, Key key, ArrayByteIterable storageKey, UnaryOperator<SiblingSet> change) {
        SiblingSet current = decode(data.get(txn, storageKey), key);
        SiblingSet next = change.apply(current);
        if (!next.sameAs(current)) {
            data.put(txn, storageKey, new ArrayByteIterable(SiblingSetCodec.encode(next)));
        }
        return next;
    }

    @Override
    public boolean remove(Key key, SiblingSet expected) {
        ArrayByteIterable storageKey = new ArrayByteIterable(RingOrder.storageKey(key));
        boolean removed = guarded("remove " + key, () -> env.computeInTransaction(txn -> {
            SiblingSet current = decode(data.get(txn, storageKey), key);
            return current.equals(expected) && data.delete(txn, storageKey);
        }));
        commits.written();
        return removed;
    }

    @Override
    public void scan(int partition, int partitionCount, BiConsumer<Key, SiblingSet> visitor) {
        scanFrom(partition, partitionCount, RingOrder.partitionStart(partition, partitionCount), (key, set) -> {
            visitor.accept(key, set);
            return true;
        });
    }

    @Override
    public void scanFrom(int partition, int partitionCount, byte[] from, RangeVisitor visitor) {
        byte[] start = RingOrder.partitionStart(partition, partitionCount);
        byte[] end = RingOrder.partitionEnd(partition, partitionCount);
        byte[] first = Arrays.compareUnsigned(from, start) > 0 ? from : start;
        guarded("scan partition " + partition, () -> {
            env.executeInReadonlyTransaction(txn -> {
                try (Cursor cursor = data.openCursor(txn)) {
                    if (cursor.getSearchKeyRange(new ArrayByteIterable(first)) == null) {
                        return;
                    }
                    do {
                        byte[] k = XodusCalls.bytes(cursor.getKey());
                        if (end != null && Arrays.compareUnsigned(k, end) >= 0) {
                            return;
                        }
                        Key key = RingOrder.key(k);
                        if (!visitor.visit(key, decode(cursor.getValue(), key))) {
                            return;
                        }
                    } while (cursor.getNext());
                }
            });
            return null;
        });
    }

    @Override
    public String incarnation() {
        return incarnation;
    }

    @Override
    public long reserveCounters(long floor, int count) {
        return guarded("reserve counters", () -> {
            long first = env.computeInTransaction(txn -> {
                ByteIterable stored = meta.get(txn, COUNTER_HIGH);
                long high = stored == null ? 0 : LongBinding.compressedEntryToLong(stored);
                long start = Math.max(high, floor) + 1;
                meta.put(txn, COUNTER_HIGH, LongBinding.longToCompressedEntry(start + count - 1));
                return start;
            });
            // Whatever the durability setting: a reservation lost to a power loss would let the node issue the
            // block's dots again, and two different values with one dot are never told apart. Not through the
            // committer: the caller holds the dot source's lock, which a queued write may be waiting for.
            commits.sync();
            return first;
        });
    }

    /** Batches of synced writes committed so far (each one transaction and one fsync). */
    long syncedBatches() {
        return commits.batches();
    }

    /** The store's files for a backup, under {@code path} in the node's data directory. */
    public BackupSource backupSource(String path) {
        return new XodusBackupSource(path, env);
    }

    @Override
    public long keyCount() {
        return guarded("count keys", () -> env.computeInReadonlyTransaction(data::count));
    }

    @Override
    public void close() {
        try {
            commits.close();
        } catch (ExodusException e) {
            throw new StorageException("closing the store in " + dir + " failed: " + e.getMessage(), e);
        }
    }

    private String loadOrCreateIncarnation(Transaction txn, boolean renew) {
        ByteIterable stored = meta.get(txn, INCARNATION);
        if (stored != null && !renew) {
            return StringBinding.entryToString(stored);
        }
        // A fresh store gets a new name, so a node whose data was wiped never reuses the dots of its past life; so
        // does a restored one, whose node issued dots after the backup that its counter reservation predates.
        String created = UUID.randomUUID().toString().substring(0, 8);
        meta.put(txn, INCARNATION, StringBinding.stringToEntry(created));
        return created;
    }

    private SiblingSet decode(ByteIterable stored, Key key) {
        if (stored == null) {
            return SiblingSet.EMPTY;
        }
        try {
            return SiblingSetCodec.decode(XodusCalls.bytes(stored));
        } catch (IllegalArgumentException e) {
            throw new StorageException("the stored versions of key " + key + " in " + dir + " are corrupt ("
                    + e.getMessage() + "); anti-entropy can restore them from another replica after removal", e);
        }
    }

    private <T> T guarded(String what, Supplier<T> action) {
        return XodusCalls.guarded("the store in " + dir, what, action);
    }

    @Override
    public String toString() {
        return "XodusStorageEngine[" + dir + "]";
    }
}
