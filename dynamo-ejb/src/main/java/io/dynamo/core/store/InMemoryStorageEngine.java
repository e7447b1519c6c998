package io.dynamo.core.store;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.SiblingSet;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * A store in memory, for simulations and tests. Its contents live in a {@link Memory} that outlives the engine,
 * so a simulated crash can drop the engine and {@link #reopen} the same data.
 */
public final class InMemoryStorageEngine implements StorageEngine {

    /** The data of one node, kept across simulated restarts. */
    public static final class Memory {
        private final ConcurrentSkipListMap<byte[], SiblingSet> data = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
        private final String incarnation;
        private final AtomicLong counterHigh = new AtomicLong();

        Memory(String incarnation) {
            this.incarnation = incarnation;
        }
    }

    private final Memory memory;
    private volatile boolean closed;

    public InMemoryStorageEngine() {
        this(UUID.randomUUID().toString().substring(0, 8));
    }

    /** @param incarnation the store's name (fixed in simulations, so that runs replay exactly) */
    public InMemoryStorageEngine(String incarnation) {
        this(new Memory(incarnation));
    }

    private InMemoryStorageEngine(Memory memory) {
        this.memory = memory;
    }

    /** A new engine over the data of a closed (or crashed) one. */
    public static InMemoryStorageEngine reopen(InMemoryStorageEngine previous) {
        previous.close();
        return new InMemoryStorageEngine(previous.memory);
    }

    @Override
    public SiblingSet read(Key key) {
        checkOpen();
        return memory.data.getOrDefault(RingOrder.storageKey(key), SiblingSet.EMPTY);
    }

    @Override
    public SiblingSet update(Key key, UnaryOperator<SiblingSet> change) {
        checkOpen();
        return memory.data.compute(RingOrder.storageKey(key),
                (k, current) -> change.apply(current == null ? SiblingSet.EMPTY : current));
    }

    /** Memory is all this store has: a synced write is a plain one (simulations lose a store only as a whole). */
    @Override
    public SiblingSet updateSynced(Key key, UnaryOperator<SiblingSet> change) {
        return update(key, change);
    }

    @Override
    public boolean remove(Key key, SiblingSet expected) {
        checkOpen();
        return memory.data.remove(RingOrder.storageKey(key), expected);
    }

    @Override
    public void scan(int partition, int partitionCount, BiConsumer<Key, SiblingSet> visitor) {
        checkOpen();
        byte[] start = RingOrder.partitionStart(partition, partitionCount);
        byte[] end = RingOrder.partitionEnd(partition, partitionCount);
        ConcurrentNavigableMap<byte[], SiblingSet> range = end == null
                ? memory.data.tailMap(start, true) : memory.data.subMap(start, true, end, false);
        for (Map.Entry<byte[], SiblingSet> e : range.entrySet()) {
            visitor.accept(RingOrder.key(e.getKey()), e.getValue());
        }
    }

    @Override
    public void scanFrom(int partition, int partitionCount, byte[] from, RangeVisitor visitor) {
        checkOpen();
        byte[] start = RingOrder.partitionStart(partition, partitionCount);
        byte[] end = RingOrder.partitionEnd(partition, partitionCount);
        byte[] first = Arrays.compareUnsigned(from, start) > 0 ? from : start;
        if (end != null && Arrays.compareUnsigned(first, end) >= 0) {
            return;
        }
        ConcurrentNavigableMap<byte[], SiblingSet> range = end == null
                ? memory.data.tailMap(first, true) : memory.data.subMap(first, true, end, false);
        for (Map.Entry<byte[], SiblingSet> e : range.entrySet()) {
            if (!visitor.visit(RingOrder.key(e.getKey()), e.getValue())) {
                return;
            }
        }
    }

    @Override
    public String incarnation() {
        return memory.incarnation;
    }

    @Override
    public long reserveCounters(long floor, int count) {
        checkOpen();
        long[] first = new long[1];
        memory.counterHigh.updateAndGet(high -> {
            first[0] = Math.max(high, floor) + 1;
            return first[0] + count - 1;
        });
        return first[0];
    }

    @Override
    public long keyCount() {
        return memory.data.size();
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new StorageException("the in-memory store is closed", null);
        }
    }
}
