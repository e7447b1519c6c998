package io.dynamo.infra.xodus;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
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
    private final Path dir;
    private final XodusCommitter commits;
    private final Environment env;
    private final Store hints;
    private final Set<String> targets = new ConcurrentSkipListSet<>();

    private XodusHintStore(Path dir, XodusCommitter commits) {
        this.dir = dir;
        this.commits = commits;
        this.env = commits.env();
        this.hints = env.computeInTransaction(
                txn -> env.openStore("hints", StoreConfig.WITHOUT_DUPLICATES_WITH_PREFIXING, txn));
        env.executeInReadonlyTransaction(txn -> {
            try (Cursor c = hints.openCursor(txn)) {
                while (c.getNext()) {
                    targets.add(targetOf(XodusCalls.bytes(c.getKey())));
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
        ArrayByteIterable k = new ArrayByteIterable(hintKey(target, key));
        Function<Transaction, Boolean> put = txn -> {
            ByteIterable held = hints.get(txn, k);
            Hint merged = held == null ? new Hint(target, key, versions, nowMillis) : merge(decode(target, key, held),
                    versions);
            return hints.put(txn, k, encode(merged));
        };
        if (synced) {
            guarded("store a hint for " + target + " durably", () -> commits.durably(put));
        } else {
            guarded("store a hint for " + target, () -> env.computeInTransaction(put::apply));
            commits.written();
        }
        targets.add(target);
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
        ArrayByteIterable k = new ArrayByteIterable(hintKey(target, key));
        boolean removed = guarded("remove a hint for " + target, () -> env.computeInTransaction(txn -> {
            ByteIterable held = hints.get(txn, k);
            return held != null && decode(target, key, held).versions().equals(delivered) && hints.delete(txn, k);
        }));
        commits.written();
        return removed;
    }

    @Override
    public Set<String> targets() {
        Set<String> out = new TreeSet<>();
        for (String target : targets) {
            if (!batch(target, 1).isEmpty()) {
                out.add(target);
            }
        }
        return out;
    }

    @Override
    public List<HintQueue> queues() {
        TreeMap<String, HintQueue> out = new TreeMap<>();
        for (String target : targets) {
            List<Hint> all = new ArrayList<>();
            scan(target, all, Integer.MAX_VALUE);
            if (!all.isEmpty()) {
                long bytes = all.stream().mapToLong(h -> SiblingSetCodec.encode(h.versions()).length).sum();
                long oldest = all.stream().mapToLong(Hint::storedAtMillis).min().orElse(0);
                out.put(target, new HintQueue(target, all.size(), bytes, oldest));
            }
        }
        return new ArrayList<>(out.values());
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
                        if (k.length < prefix.length || !Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length)) {
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
