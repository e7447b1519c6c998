package io.dynamo.core.ring;

import io.dynamo.core.base.Md5;

/**
 * Maps keys to the ring: the MD5 of the key bytes is an unsigned 128-bit position, and the ring is cut into Q equal
 * partitions (Q a power of two), so a key's partition is simply the top log2(Q) bits of its hash.
 */
public final class Partitioner {
    public static final int HASH_BYTES = 16;
    public static final int MAX_PARTITIONS = 1 << 16;

    private final int partitionCount;
    private final int bits;

    public Partitioner(int partitionCount) {
        requirePartitionCount(partitionCount);
        this.partitionCount = partitionCount;
        this.bits = Integer.numberOfTrailingZeros(partitionCount);
    }

    /**
     * The 16-byte MD5 of the bytes; safe to call from any thread. For a {@code Key} use {@code Key.md5()}, which
     * computes it once per key.
     */
    public static byte[] md5(byte[] key) {
        return Md5.of(key);
    }

    public int partitionCount() {
        return partitionCount;
    }

    /**
     * The partition of an already computed MD5: partition p covers [p * 2^128 / Q, (p + 1) * 2^128 / Q). Longer
     * arrays that start with the hash (such as storage keys kept in ring order) are accepted too.
     */
    public int partitionOf(byte[] md5) {
        if (md5 == null || md5.length < HASH_BYTES) {
            throw new IllegalArgumentException("expected a 16-byte MD5, got "
                    + (md5 == null ? "null" : md5.length + " bytes"));
        }
        // Q <= 2^16, so the partition never needs more than the first two bytes.
        int top16 = (md5[0] & 0xff) << 8 | (md5[1] & 0xff);
        return top16 >>> (16 - bits);
    }

    /** The partition of a key given as its raw bytes (hashes them each time; see {@link #md5}). */
    public int partitionOfKey(byte[] keyBytes) {
        return partitionOf(md5(keyBytes));
    }

    /** First hash of the partition as 16 bytes, so storage kept in MD5 order can range-scan one partition. */
    public byte[] partitionStart(int partition) {
        requirePartition(partition);
        int top16 = partition << (16 - bits);
        byte[] start = new byte[HASH_BYTES];
        start[0] = (byte) (top16 >>> 8);
        start[1] = (byte) top16;
        return start;
    }

    /** Start of the next partition, or null for the last one, whose range runs to the end of the hash space. */
    public byte[] partitionEnd(int partition) {
        requirePartition(partition);
        return partition + 1 == partitionCount ? null : partitionStart(partition + 1);
    }

    static void requirePartitionCount(int q) {
        if (q < 1 || q > MAX_PARTITIONS || Integer.bitCount(q) != 1) {
            throw new IllegalArgumentException("partition count " + q + " is invalid: use a power of two from 1 to "
                    + MAX_PARTITIONS);
        }
    }

    private void requirePartition(int partition) {
        if (partition < 0 || partition >= partitionCount) {
            throw new IllegalArgumentException("partition " + partition + " is outside 0.." + (partitionCount - 1));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Partitioner other && other.partitionCount == partitionCount;
    }

    @Override
    public int hashCode() {
        return partitionCount;
    }

    @Override
    public String toString() {
        return "Partitioner[Q=" + partitionCount + "]";
    }
}
