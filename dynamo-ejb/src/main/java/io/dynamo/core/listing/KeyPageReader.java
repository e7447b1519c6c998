package io.dynamo.core.listing;

import io.dynamo.core.base.Key;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.store.RingOrder;
import io.dynamo.core.store.StorageEngine;
import io.dynamo.core.version.Sibling;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A replica's side of listing: reads a {@link KeyPageQuery} from the local store. Each read stops after
 * {@link #MAX_SCANNED} stored keys, matching or not, so a listing of a sparse namespace or prefix never holds a
 * replica in one long scan; the page then says where it stopped and the lister asks again from there.
 */
public final class KeyPageReader {
    /** The most keys one query may ask for. */
    public static final int MAX_LIMIT = 1000;
    /** The most stored keys one query reads, matching or not. */
    static final int MAX_SCANNED = 2 * MAX_LIMIT;
    private static final byte[] EMPTY = new byte[0];

    private final StorageEngine storage;
    private final int partitionCount;

    public KeyPageReader(StorageEngine storage, int partitionCount) {
        this.storage = storage;
        this.partitionCount = partitionCount;
    }

    /** @throws IllegalArgumentException for a query no lister sends (answered as an invalid request) */
    public KeyPage read(KeyPageQuery q) {
        if (q.partition() < 0 || q.partition() >= partitionCount) {
            throw new IllegalArgumentException("partition " + q.partition() + " does not exist (Q=" + partitionCount
                    + ")");
        }
        if (q.limit() < 1 || q.limit() > MAX_LIMIT) {
            throw new IllegalArgumentException("a key page holds 1 to " + MAX_LIMIT + " keys, not " + q.limit());
        }
        List<ReplicaState> found = new ArrayList<>();
        byte[][] stoppedAfter = {null};
        int[] scanned = {0};
        storage.scanFrom(q.partition(), partitionCount, q.from(), (key, set) -> {
            if (matches(q, key)) {
                found.add(new ReplicaState(key, withoutValues(set)));
            }
            scanned[0]++;
            if (found.size() == q.limit() || scanned[0] == MAX_SCANNED) {
                stoppedAfter[0] = RingOrder.storageKey(key);
                return false;
            }
            return true;
        });
        return new KeyPage(found, stoppedAfter[0] == null ? EMPTY : successor(stoppedAfter[0]));
    }

    private static boolean matches(KeyPageQuery q, Key key) {
        if (!key.namespace().equals(q.namespace()) || key.length() < q.prefix().length) {
            return false;
        }
        byte[] bytes = key.bytes();
        return Arrays.equals(bytes, 0, q.prefix().length, q.prefix(), 0, q.prefix().length);
    }

    /** The smallest storage position after {@code position}: the lister resumes there. */
    static byte[] successor(byte[] position) {
        return Arrays.copyOf(position, position.length + 1);
    }

    /** The versions with their values emptied: dots, tombstones and expiries decide a merge and liveness. */
    static SiblingSet withoutValues(SiblingSet set) {
        List<Sibling> out = new ArrayList<>(set.siblings().size());
        for (Sibling s : set.siblings()) {
            Value v = s.value();
            out.add(v.isTombstone() || v.size() == 0 ? s : new Sibling(s.dot(),
                    Value.of(EMPTY, v.contentType()).expiringAt(v.expiresAt()), s.time()));
        }
        return new SiblingSet(set.clock(), out, set.isLatestWins());
    }
}
