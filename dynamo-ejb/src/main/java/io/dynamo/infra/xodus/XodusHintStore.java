package io.dynamo.infra.xodus;

import io.dynamo.core.backup.BackupSource;
import io.dynamo.core.base.Key;
import io.dynamo.core.codec.BinaryReader;
import io.dynamo.core.codec.BinaryWriter;
import io.dynamo.core.handoff.Hint;
import io.dynamo.core.handoff.HintQueue;
import io.dynamo.core.handoff.HintStore;
import io.dynamo.core.store.RingOrder;
import io.dynamo.core.store.StorageException;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.SiblingSetCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import jetbrains.exodus.ArrayByteIterable;
import jetbrains.exodus.ByteIterable;
import jetbrains.exodus.env.Cursor;
import jetbrains.exodus.env.Environment;
import jetbrains.exodus.env.Store;
import jetbrains.exodus.env.StoreConfig;
import jetbrains.exodus.env.Transaction;

/**
 * Hints in a Xodus environment of their own, so they survive restarts and never mix with the node's data.
 * Stored under target, a zero byte, then the key in ring order; the value is the time stored and the versions.
 */
public final class XodusHintStore implements HintStore {
    private static final int REMOVE_BATCH = 1000;
    private static final ByteIterable EMPTY = new ArrayByteIterable(new byte[0]);
    private final Path dir;
    private final XodusCommitter commits;
    private final Environment env;
    private final Store hints;
    /** Target, a zero byte, the time stored (8 bytes, big-endian), the key: the oldest hint of a target is first. */
    private final Store byAge;
    private final Set<String> targets = new ConcurrentSkipListSet<>();
    private final Map<String, QueueCounters> counters = new ConcurrentHashMap<>();
    private final AtomicLong reads = new AtomicLong();

    private XodusHintStore(Path dir, XodusCommitter commits) {
        this.dir = dir;
        this.commits = commits;
        this.env = commits.env();
        this.hints = env.computeInTransaction(
                txn -> env.openStore("hints", StoreConfig.WITHOUT_DUPLICATES_WITH_PREFIXING, txn));
        this.byAge = env.computeInTransaction(
                txn -> env.openStore("hints-by-age", StoreConfig.WITHOUT_DUPLICATES_WITH_PREFIXING, txn));
        // The one scan: the counters start from what is stored, and a store from before the age index gets it.
        env.executeInTransaction(txn -> {
            boolean indexed = byAge.count(txn) == hints.count(txn);
            try (Cursor c = hints.openCursor(txn)) {
                while (c.getNext()) {
                    byte[] k = XodusCalls.bytes(c.getKey());
                    String target = targetOf(k);
                    targets.add(target);
                    counters(target).changed(1, c.getValue().getLength());
                    if (!indexed) {
                        byAge.put(txn, ageKey(k, storedAt(c.getValue())), EMPTY);
                    }
                }
            }
        });
    }

    /** @param syncInterval how long after a commit it is fsynced at the latest; zero leaves that to Xodus */
    public static XodusHintStore open(Path dir, Duration syncInterval) {
        XodusCommitter commits = XodusCommitter.open(dir, syncInterval, "hint store");
        try {
            return new XodusHintStore(dir, commits);
        } catch (RuntimeException e) {
            commits.close();
            throw e;
        }
    }

    @Override
    public void add(String target, Key key, SiblingSet versions, long nowMillis, boolean synced) {
        byte[] raw = hintKey(target, key);
        ArrayByteIterable k = new ArrayByteIterable(raw);
        Function<Transaction, long[]> put = txn -> {
            ByteIterable held = hints.get(txn, k);
            Hint merged;
            if (held == null) {
                merged = new Hint(target, key, versions, nowMillis);
                byAge.put(txn, ageKey(raw, nowMillis), EMPTY);
            } else {
                merged = merge(decode(target, key, held), versions);
            }
            ArrayByteIterable value = encode(merged);
            hints.put(txn, k, value);
            return new long[] {held == null ? 1 : 0, value.getLength() - (held == null ? 0 : held.getLength())};
        };
        long[] change = synced ? guarded("store a hint for " + target + " durably", () -> commits.durably(put))
                : guarded("store a hint for " + target, () -> env.computeInTransaction(put::apply));
        if (!synced) {
            commits.written();
        }
        targets.add(target);
        counters(target).changed(change[0], change[1]);
    }

    @Override
    public SiblingSet read(Key key) {
        SiblingSet merged = SiblingSet.EMPTY;
        for (String target : targets) {
            ArrayByteIterable k = new ArrayByteIterable(hintKey(target, key));
            ByteIterable held = guarded("read hints", () -> env.computeInReadonlyTransaction(txn -> hints.get(txn, k)));
            if (held != null) {
                merged = merged.merge(decode(target, key, held).versions());
            }
        }
        return merged;
    }

    @Override
    public List<Hint> batch(String target, int max) {
        List<Hint> out = new ArrayList<>();
        scan(target, out, max);
        return out;
    }

    @Override
    public boolean remove(String target, Key key, SiblingSet delivered) {
        byte[] raw = hintKey(target, key);
        ArrayByteIterable k = new ArrayByteIterable(raw);
        long removedBytes = guarded("remove a hint for " + target, () -> env.computeInTransaction(txn -> {
            ByteIterable held = hints.get(txn, k);
            if (held == null || !decode(target, key, held).versions().equals(delivered)) {
                return -1L;
            }
            deleteHint(txn, raw, held);
            return (long) held.getLength();
        }));
        commits.written();
        if (removedBytes < 0) {
            return false;
        }
        counters(target).changed(-1, -removedBytes);
        return true;
    }

    @Override
    public Set<String> targets() {
        Set<String> out = new TreeSet<>();
        counters.forEach((target, c) -> {
            if (c.count() > 0) {
                out.add(target);
            }
        });
        return out;
    }

    /** From the counters, plus one read of the age index per target: never a scan of the hints. */
    @Override
    public List<HintQueue> queues() {
        List<HintQueue> out = new ArrayList<>();
        for (String target : targets()) {
            QueueCounters c = counters(target);
            out.add(new HintQueue(target, c.count(), c.bytes(), oldest(target)));
        }
        return out;
    }

    @Override
    public long purge(String target) {
        return removeByAge(target, Long.MAX_VALUE);
    }

    @Override
    public long expire(long storedBeforeMillis) {
        long removed = 0;
        for (String target : targets()) {
            // Asked every handoff round: one read when nothing is due, no write transaction and no sync.
            long oldest = oldest(target);
            if (oldest != 0 && oldest < storedBeforeMillis) {
                removed += removeByAge(target, storedBeforeMillis);
            }
        }
        return removed;
    }

    /** Reads of stored hints and index entries since open (a test's measure of what the statistics cost). */
    long reads() {
        return reads.get();
    }

    /** Removes the target's hints stored before the time, oldest first, in transactions of bounded size. */
    private long removeByAge(String target, long storedBeforeMillis) {
        byte[] prefix = prefix(target);
        long removed = 0;
        while (true) {
            long[] batch = guarded("remove hints for " + target, () -> env.computeInTransaction(txn -> {
                long n = 0;
                long bytes = 0;
                try (Cursor c = byAge.openCursor(txn)) {
                    if (c.getSearchKeyRange(new ArrayByteIterable(prefix)) != null) {
                        do {
                            byte[] age = XodusCalls.bytes(c.getKey());
                            if (!startsWith(age, prefix) || ageOf(age, prefix.length) >= storedBeforeMillis) {
                                break;
                            }
                            byte[] raw = hintKeyOfAge(age, prefix.length);
                            ByteIterable held = hints.get(txn, new ArrayByteIterable(raw));
                            if (held != null) {
                                bytes += held.getLength();
                                hints.delete(txn, new ArrayByteIterable(raw));
                                n++;
                            }
                            c.deleteCurrent();
                        } while (n < REMOVE_BATCH && c.getNext());
                    }
                }
                return new long[] {n, bytes};
            }));
            if (batch[0] > 0) {
                commits.written();
            }
            counters(target).changed(-batch[0], -batch[1]);
            removed += batch[0];
            if (batch[0] < REMOVE_BATCH) {
                return removed;
            }
        }
    }

    private long oldest(String target) {
        byte[] prefix = prefix(target);
        return guarded("read the oldest hint for " + target, () -> env.computeInReadonlyTransaction(txn -> {
            try (Cursor c = byAge.openCursor(txn)) {
                reads.incrementAndGet();
                if (c.getSearchKeyRange(new ArrayByteIterable(prefix)) == null) {
                    return 0L;
                }
                byte[] age = XodusCalls.bytes(c.getKey());
                return startsWith(age, prefix) ? ageOf(age, prefix.length) : 0L;
            }
        }));
    }

    private void deleteHint(Transaction txn, byte[] raw, ByteIterable held) {
        hints.delete(txn, new ArrayByteIterable(raw));
        byAge.delete(txn, ageKey(raw, storedAt(held)));
    }

    private QueueCounters counters(String target) {
        return counters.computeIfAbsent(target, t -> new QueueCounters());
    }

    /** The hint store's files for a backup, under {@code path} in the node's data directory. */
    public BackupSource backupSource(String path) {
        return new XodusBackupSource(path, env);
    }

    @Override
    public void close() {
        commits.close();
    }

    private void scan(String target, List<Hint> out, int max) {
        byte[] prefix = prefix(target);
        guarded("list hints for " + target, () -> {
            env.executeInReadonlyTransaction(txn -> {
                try (Cursor c = hints.openCursor(txn)) {
                    if (c.getSearchKeyRange(new ArrayByteIterable(prefix)) == null) {
                        return;
                    }
                    do {
                        byte[] k = XodusCalls.bytes(c.getKey());
                        if (!startsWith(k, prefix)) {
                            return;
                        }
                        Key key = RingOrder.key(Arrays.copyOfRange(k, prefix.length, k.length));
                        out.add(decode(target, key, c.getValue()));
                    } while (out.size() < max && c.getNext());
                }
            });
            return null;
        });
    }

    private static Hint merge(Hint held, SiblingSet added) {
        return new Hint(held.target(), held.key(), held.versions().merge(added), held.storedAtMillis());
    }

    private static ArrayByteIterable encode(Hint hint) {
        return new ArrayByteIterable(SiblingSetCodec.write(new BinaryWriter(64).writeVarLong(hint.storedAtMillis()),
                hint.versions()).toByteArray());
    }

    private Hint decode(String target, Key key, ByteIterable stored) {
        reads.incrementAndGet();
        try {
            BinaryReader r = new BinaryReader(XodusCalls.bytes(stored));
            long storedAt = r.readVarLong();
            return new Hint(target, key, SiblingSetCodec.decode(r.readBytes()), storedAt);
        } catch (IllegalArgumentException e) {
            throw new StorageException("the hint for " + target + " of key " + key + " in " + dir + " is corrupt: "
                    + e.getMessage(), e);
        }
    }

    private static byte[] prefix(String target) {
        byte[] t = target.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(t, t.length + 1);
    }

    private static byte[] hintKey(String target, Key key) {
        byte[] p = prefix(target);
        byte[] k = RingOrder.storageKey(key);
        byte[] out = Arrays.copyOf(p, p.length + k.length);
        System.arraycopy(k, 0, out, p.length, k.length);
        return out;
    }

    private static long storedAt(ByteIterable stored) {
        return new BinaryReader(XodusCalls.bytes(stored)).readVarLong();
    }

    /** The age index's key for a hint key: the target's prefix, the time, then the key in ring order. */
    private static ArrayByteIterable ageKey(byte[] hintKey, long storedAt) {
        int p = targetOf(hintKey).getBytes(StandardCharsets.UTF_8).length + 1;
        byte[] out = new byte[hintKey.length + Long.BYTES];
        System.arraycopy(hintKey, 0, out, 0, p);
        ByteBuffer.wrap(out, p, Long.BYTES).putLong(storedAt);
        System.arraycopy(hintKey, p, out, p + Long.BYTES, hintKey.length - p);
        return new ArrayByteIterable(out);
    }

    private static long ageOf(byte[] ageKey, int prefixLength) {
        return ByteBuffer.wrap(ageKey, prefixLength, Long.BYTES).getLong();
    }

    private static byte[] hintKeyOfAge(byte[] ageKey, int prefixLength) {
        byte[] out = new byte[ageKey.length - Long.BYTES];
        System.arraycopy(ageKey, 0, out, 0, prefixLength);
        System.arraycopy(ageKey, prefixLength + Long.BYTES, out, prefixLength, out.length - prefixLength);
        return out;
    }

    private static boolean startsWith(byte[] k, byte[] prefix) {
        return k.length >= prefix.length && Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Hints and bytes queued for one target, changed as hints are stored and removed. */
    private static final class QueueCounters {
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();

        void changed(long hintsDelta, long bytesDelta) {
            count.addAndGet(hintsDelta);
            bytes.addAndGet(bytesDelta);
        }

        long count() {
            return count.get();
        }

        long bytes() {
            return bytes.get();
        }
    }

    private static String targetOf(byte[] hintKey) {
        int zero = 0;
        while (hintKey[zero] != 0) {
            zero++;
        }
        return new String(hintKey, 0, zero, StandardCharsets.UTF_8);
    }

    private <T> T guarded(String what, Supplier<T> action) {
        return XodusCalls.guarded("the hint store in " + dir, what, action);
    }
}
