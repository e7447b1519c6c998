package io.dynamo.infra.xodus;

import io.dynamo.core.store.StorageException;
import java.util.Arrays;
import java.util.function.Supplier;
import jetbrains.exodus.ByteIterable;
import jetbrains.exodus.ExodusException;

/** What every Xodus adapter needs: Xodus failures reported as storage failures naming the store, and byte copies. */
final class XodusCalls {
    private XodusCalls() {
    }

    /** Runs the action; a Xodus failure becomes a {@link StorageException} saying which store failed to do what. */
    static <T> T guarded(String store, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (ExodusException e) {
            throw new StorageException(store + " failed to " + what + ": " + e.getMessage(), e);
        }
    }

    /** A copy: Xodus may reuse the iterable's array after the transaction. */
    static byte[] bytes(ByteIterable it) {
        return Arrays.copyOf(it.getBytesUnsafe(), it.getLength());
    }
}
