package io.dynamo.core.store;

import io.dynamo.core.base.Key;
import io.dynamo.core.ring.Partitioner;
import java.util.Arrays;

/**
 * How engines lay keys out: the key's 16-byte ring position followed by the key as {@link Key#stored()} gives it
 * (a default key's bytes, unchanged since before namespaces), so byte order is ring order and a partition is the
 * range between two hash prefixes.
 */
public final class RingOrder {
    private static final int HASH_BYTES = Partitioner.HASH_BYTES;

    private RingOrder() {
    }

    public static byte[] storageKey(Key key) {
        byte[] k = key.stored();
        byte[] out = Arrays.copyOf(key.md5(), HASH_BYTES + k.length);
        System.arraycopy(k, 0, out, HASH_BYTES, k.length);
        return out;
    }

    public static Key key(byte[] storageKey) {
        return Key.fromStored(Arrays.copyOf(storageKey, HASH_BYTES),
                Arrays.copyOfRange(storageKey, HASH_BYTES, storageKey.length));
    }

    /** First storage key of the partition (inclusive). */
    public static byte[] partitionStart(int partition, int partitionCount) {
        return new Partitioner(partitionCount).partitionStart(partition);
    }

    /** First storage key past the partition, or null for the last partition (the range runs to the end). */
    public static byte[] partitionEnd(int partition, int partitionCount) {
        return new Partitioner(partitionCount).partitionEnd(partition);
    }
}
