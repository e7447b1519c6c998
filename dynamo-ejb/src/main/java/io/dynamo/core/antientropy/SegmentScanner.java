package io.dynamo.core.antientropy;

import io.dynamo.core.base.Key;
import io.dynamo.core.ring.Partitioner;
import io.dynamo.core.store.StorageEngine;
import io.dynamo.core.version.SiblingSet;
import java.util.BitSet;

/**
 * Reads the keys of some leaf segments of a partition. A segment is a contiguous range of the ring, so it is read
 * as a finer partition of the store: the store's scan accepts up to {@link Partitioner#MAX_PARTITIONS} ranges,
 * so when partitions times segments exceed that, ranges of several segments are read and filtered. When most of
 * the partition is wanted, one scan of the whole partition is cheaper than many small ones.
 */
final class SegmentScanner {
    private static final int MAX_BITS = Integer.numberOfTrailingZeros(Partitioner.MAX_PARTITIONS);

    /** Receives one key of a wanted segment. */
    @FunctionalInterface
    interface Visitor {
        void visit(int segment, Key key, SiblingSet set);
    }

    private final StorageEngine storage;
    private final int partitionCount;
    private final int partitionBits;
    private final int depth;
    private final int rangeBits;

    SegmentScanner(StorageEngine storage, int partitionCount, int depth) {
        this.storage = storage;
        this.partitionCount = partitionCount;
        this.partitionBits = Integer.numberOfTrailingZeros(partitionCount);
        this.depth = depth;
        this.rangeBits = Math.min(depth, MAX_BITS - partitionBits);
    }

    void scan(int partition, int[] segments, Visitor visitor) {
        BitSet wanted = new BitSet(1 << depth);
        BitSet ranges = new BitSet(1 << rangeBits);
        for (int s : segments) {
            wanted.set(s);
            ranges.set(s >>> (depth - rangeBits));
        }
        if (wanted.isEmpty()) {
            return;
        }
        if (ranges.cardinality() * 2 > 1 << rangeBits) {
            storage.scan(partition, partitionCount, (key, set) -> offer(wanted, key, set, visitor));
            return;
        }
        int rangeCount = partitionCount << rangeBits;
        for (int r = ranges.nextSetBit(0); r >= 0; r = ranges.nextSetBit(r + 1)) {
            storage.scan(partition << rangeBits | r, rangeCount, (key, set) -> offer(wanted, key, set, visitor));
        }
    }

    private void offer(BitSet wanted, Key key, SiblingSet set, Visitor visitor) {
        int segment = MerkleTree.segmentOf(key.md5(), partitionBits, depth);
        if (wanted.get(segment)) {
            visitor.visit(segment, key, set);
        }
    }
}
