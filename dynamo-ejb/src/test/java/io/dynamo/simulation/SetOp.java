package io.dynamo.simulation;

import io.dynamo.core.version.VectorClock;
import java.util.Set;

/**
 * One client operation of the set workload as the checkers see it: a read, then (unless there was nothing to do, or
 * the operation only reads) a write of the set it read with one element added or removed, or a delete of the key.
 * Times are simulated millis; -1 means the step did not happen or did not succeed.
 */
final class SetOp {
    enum Kind { ADD, REMOVE, DELETE, READ }

    final String key;
    final Kind kind;
    final long invoked;
    /** Order of the invocation among the workload's invocations and acknowledgements (many share a millisecond). */
    final long invokedSeq;
    /** Every node ran and every node routed to every other when the operation began (no sloppy quorum then). */
    final boolean calmAtStart;
    long readDone = -1;
    Set<String> read;
    VectorClock readClock;
    /** The elements written (empty for a delete); null when no write was sent. */
    Set<String> written;
    /** The element an ADD adds. */
    String added;
    long acked = -1;
    long ackedSeq = -1;
    VectorClock ackClock;

    SetOp(String key, Kind kind, long invoked, long invokedSeq, boolean calmAtStart) {
        this.key = key;
        this.kind = kind;
        this.invoked = invoked;
        this.invokedSeq = invokedSeq;
        this.calmAtStart = calmAtStart;
    }

    boolean wrote() {
        return written != null;
    }

    boolean acknowledged() {
        return acked >= 0;
    }

    /** True when this operation's write drops an element its read returned. */
    boolean removes(String element) {
        return wrote() && read.contains(element) && !written.contains(element);
    }

    @Override
    public String toString() {
        return kind + " " + key + " @" + invoked + (added != null ? " +" + added : "") + " read " + read + " at "
                + readDone + " wrote " + written + (acknowledged() ? " acked " + acked : " unacknowledged");
    }
}
