package io.dynamo.core.store;

import io.dynamo.core.version.Dot;

/**
 * Hands out this node's fresh dots. The actor is the node id plus the store's incarnation, and counters come
 * from blocks reserved in the store (committed before the first is used), so a dot is never issued twice: not
 * after a restart or a process crash (the next block starts past the reserved one) and not after the data is wiped
 * (a new incarnation is a new actor). A store whose commits are not fsynced can lose a reservation to a power loss.
 */
public final class DotSource {
    private static final int BLOCK = 4096;

    private final String actor;
    private final StorageEngine storage;
    private long next;
    private long limit;

    public DotSource(String nodeId, StorageEngine storage) {
        this.actor = nodeId + "." + storage.incarnation();
        this.storage = storage;
    }

    public String actor() {
        return actor;
    }

    /** A dot whose counter is above {@code floor} (the highest counter of this actor the write has seen). */
    public synchronized Dot next(long floor) {
        if (next <= floor) {
            next = floor + 1;
        }
        if (next >= limit) {
            next = storage.reserveCounters(Math.max(floor, next - 1), BLOCK);
            limit = next + BLOCK;
        }
        return new Dot(actor, next++);
    }
}
