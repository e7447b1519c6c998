package io.dynamo.core.antientropy;

import io.dynamo.core.base.Key;
import io.dynamo.core.codec.BinaryWriter;
import io.dynamo.core.ring.Partitioner;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.Sibling;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.VectorClock;
import java.util.Arrays;

/**
 * The hash tree of one partition on one replica, kept current on every write.
 *
 * <p>Leaves are the 2^depth segments of the partition, picked by the MD5 bits right after the partition's own
 * bits, so each segment is a contiguous sub-range of the ring. A leaf is the XOR of the entry hashes of its keys:
 * a write changes it by {@code hash(before) ^ hash(after)}, in O(1), and because XOR commutes, deltas reported
 * out of order (concurrent writes) still end at the same leaf. Interior nodes mix their two children; they are
 * computed on demand and cached until a leaf below them changes. Level 0 is the root; level {@code depth} holds
 * the leaves. An empty subtree hashes to 0.
 */
public final class MerkleTree {
    public static final int DEFAULT_DEPTH = 10;
    public static final int MAX_DEPTH = 24;

    private final int partition;
    private final int partitionBits;
    private final int depth;
    /** Heap layout: node (level, i) at index 2^level + i; index 0 is unused. */
    private final long[] nodes;
    private final boolean[] valid;

    public MerkleTree(int partition, int partitionCount, int depth) {
        Partitioner partitioner = new Partitioner(partitionCount);
        if (partition < 0 || partition >= partitioner.partitionCount()) {
            throw new IllegalArgumentException("partition " + partition + " is outside 0.." + (partitionCount - 1));
        }
        if (depth < 0 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("tree depth " + depth + " is outside 0.." + MAX_DEPTH);
        }
        this.partition = partition;
        this.partitionBits = Integer.numberOfTrailingZeros(partitionCount);
        this.depth = depth;
        this.nodes = new long[2 << depth];
        this.valid = new boolean[2 << depth];
        Arrays.fill(valid, true); // all zero: a consistent empty tree
    }

    public int partition() {
        return partition;
    }

    public int depth() {
        return depth;
    }

    public int segmentCount() {
        return 1 << depth;
    }

    /** The leaf segment of a key, given the key's MD5. */
    public int segmentOf(byte[] md5) {
        return segmentOf(md5, partitionBits, depth);
    }

    static int segmentOf(byte[] md5, int partitionBits, int depth) {
        if (depth == 0) {
            return 0;
        }
        long top = 0;
        for (int i = 0; i < 8; i++) {
            top = top << 8 | (md5[i] & 0xff);
        }
        return (int) ((top << partitionBits) >>> (64 - depth));
    }

    /** Accounts for one change of a key: its set went from {@code before} to {@code after}. */
    public void update(Key key, SiblingSet before, SiblingSet after) {
        long delta = entryHash(key, before) ^ entryHash(key, after);
        if (delta != 0) {
            xorLeaf(segmentOf(key.md5()), delta);
        }
    }

    synchronized void xorLeaf(int segment, long delta) {
        int index = leafIndex(segment);
        nodes[index] ^= delta;
        invalidateAbove(index);
    }

    /** Sets a leaf to {@code actual} if it still holds {@code expected}; used to correct a leaf after a scan. */
    synchronized boolean replaceLeaf(int segment, long expected, long actual) {
        int index = leafIndex(segment);
        if (nodes[index] != expected) {
            return false;
        }
        if (expected != actual) {
            nodes[index] = actual;
            invalidateAbove(index);
        }
        return true;
    }

    public long root() {
        return hash(0, 0);
    }

    public long leaf(int segment) {
        return hash(depth, segment);
    }

    /** The hash of node {@code index} (0 .. 2^level - 1) of a level (0 = root .. depth = leaves). */
    public synchronized long hash(int level, int index) {
        if (level < 0 || level > depth || index < 0 || index >= 1 << level) {
            throw new IllegalArgumentException("no node " + index + " on level " + level + " of a tree of depth "
                    + depth);
        }
        return compute((1 << level) + index);
    }

    private long compute(int index) {
        if (!valid[index]) {
            nodes[index] = mix(compute(2 * index), compute(2 * index + 1));
            valid[index] = true;
        }
        return nodes[index];
    }

    // Invalid nodes only ever have invalid ancestors, so the walk stops at the first one already invalid.
    private void invalidateAbove(int index) {
        for (int i = index >>> 1; i >= 1 && valid[i]; i >>>= 1) {
            valid[i] = false;
        }
    }

    private int leafIndex(int segment) {
        if (segment < 0 || segment >= 1 << depth) {
            throw new IllegalArgumentException("segment " + segment + " is outside 0.." + ((1 << depth) - 1));
        }
        return (1 << depth) + segment;
    }

    /** Order-sensitive mix of two children; two empty children give 0 so empty subtrees stay 0. */
    static long mix(long left, long right) {
        if (left == 0 && right == 0) {
            return 0;
        }
        return fmix(left ^ fmix(right ^ 0x9E3779B97F4A7C15L) * 0xC2B2AE3D27D4EB4FL);
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /**
     * 64 bits of the MD5 of the key and a canonical digest of its set: the clock's (actor, counter) pairs in actor
     * order and the sibling dots in dot order. Timestamps and value bytes are left out: equal sets (as
     * {@link SiblingSet#equals} defines them) hash equal, and a dot already names one value. An absent key
     * ({@link SiblingSet#EMPTY}) hashes to 0, and nothing else does.
     */
    public static long entryHash(Key key, SiblingSet set) {
        if (set.isEmpty() && set.clock().isEmpty()) {
            return 0;
        }
        BinaryWriter w = new BinaryWriter(64 + key.length());
        w.writeBytes(key.stored());
        VectorClock clock = set.clock();
        w.writeVarLong(clock.size());
        for (VectorClock.Entry e : clock.entries()) {
            w.writeString(e.actor()).writeVarLong(e.counter());
        }
        Dot[] dots = set.siblings().stream().map(Sibling::dot).sorted().distinct().toArray(Dot[]::new);
        w.writeVarLong(dots.length);
        for (Dot d : dots) {
            w.writeString(d.actor()).writeVarLong(d.counter());
        }
        byte[] md5 = Partitioner.md5(w.toByteArray());
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = h << 8 | (md5[i] & 0xff);
        }
        return h == 0 ? 1 : h;
    }

    @Override
    public String toString() {
        return "MerkleTree[p" + partition + " depth=" + depth + " root=" + Long.toHexString(root()) + "]";
    }
}
