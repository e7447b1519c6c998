package io.dynamo.core.store;

import io.dynamo.core.version.Dot;
import io.dynamo.core.version.MalformedContextException;

/**
 * Hands out this node's fresh dots. The actor is the node id plus the store's incarnation, and counters come
 * from blocks reserved in the store (committed before the first is used), so a dot is never issued twice: not
 * after a restart or a process crash (the next block starts past the reserved one) and not after the data is wiped
 * (a new incarnation is a new actor). A store whose commits are not fsynced can lose a reservation to a power loss.
 *
 * <p>A write must get a dot above every counter of this actor it has seen, and a client's context may claim counters
 * this node never issued. A claim up to {@link #MAX_JUMP} moves the counter past it; a higher one is refused, as a
 * forged context: placing writes above it would bring the counter near the end of a long, where it overflows and
 * every later write of the node fails.
 */
public final class DotSource {
    /** The highest counter this node moves its own past for a claim it never issued. */
    public static final long MAX_JUMP = 1L << 61;
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
        if (limit == 0) {
            // The first dot since start: reserve now, so that what earlier runs issued counts as issued below.
            next = storage.reserveCounters(0, BLOCK);
            limit = next + BLOCK;
        }
        if (floor >= next && floor > MAX_JUMP) {
            throw new MalformedContextException("the write would need a counter of " + actor + " above " + floor
                    + ", which this node never issued; a context must be sent back exactly as a read returned it");
        }
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
