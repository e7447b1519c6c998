package io.dynamo.core.version;

import io.dynamo.core.codec.BinaryReader;
import io.dynamo.core.codec.BinaryWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a clock: a format byte, the entry count, then per entry the actor (length-prefixed UTF-8),
 * the counter and the update time (varints). Actors are strictly ascending, which makes the form canonical.
 */
public final class ContextCodec {
    static final int FORMAT = 1;
    /**
     * The largest counter a context from a client may claim. Nodes issue one counter per write and never move theirs
     * past {@link io.dynamo.core.store.DotSource#MAX_JUMP} for a claim, so real contexts stay far below this;
     * refusing more keeps every counter a node must place a write above far from the end of a long.
     */
    public static final long MAX_COUNTER = 1L << 62;
    private static final int MAX_ACTOR_BYTES = 255;

    private ContextCodec() {
    }

    public static byte[] encode(VectorClock clock) {
        BinaryWriter w = new BinaryWriter(2 + clock.size() * 24);
        w.writeByte(FORMAT);
        write(w, clock);
        return w.toByteArray();
    }

    /** Decodes a context a client sent (or a node forwarded), refusing counters past {@link #MAX_COUNTER}. */
    public static VectorClock decode(byte[] bytes) {
        try {
            BinaryReader r = new BinaryReader(bytes);
            int format = r.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown format " + format);
            }
            VectorClock clock = read(r);
            r.expectEnd();
            for (VectorClock.Entry e : clock.entries()) {
                if (e.counter() > MAX_COUNTER) {
                    throw new IllegalArgumentException("actor " + e.actor() + " has counter " + e.counter()
                            + ", more than any node issues");
                }
            }
            return clock;
        } catch (IllegalArgumentException e) {
            throw new MalformedContextException("the context cannot be decoded (" + e.getMessage()
                    + "); send back the X-Dynamo-Context value exactly as a get or put returned it");
        }
    }

    static void write(BinaryWriter w, VectorClock clock) {
        w.writeVarLong(clock.size());
        for (VectorClock.Entry e : clock.entries()) {
            w.writeString(e.actor()).writeVarLong(e.counter()).writeVarLong(e.time());
        }
    }

    /** Reads a clock, rejecting anything that {@link #write} cannot have produced. */
    static VectorClock read(BinaryReader r) {
        int n = r.readCount(4);
        List<VectorClock.Entry> entries = new ArrayList<>(n);
        String previous = null;
        for (int i = 0; i < n; i++) {
            String actor = r.readString();
            if (actor.isEmpty() || actor.length() > MAX_ACTOR_BYTES) {
                throw new IllegalArgumentException("actor name of " + actor.length() + " characters");
            }
            if (previous != null && previous.compareTo(actor) >= 0) {
                throw new IllegalArgumentException("actors out of order at entry " + i);
            }
            long counter = r.readVarLong();
            long time = r.readVarLong();
            if (counter < 1 || time < 0) {
                throw new IllegalArgumentException("entry " + i + " has counter " + counter + ", time " + time);
            }
            entries.add(new VectorClock.Entry(actor, counter, time));
            previous = actor;
        }
        return VectorClock.of(entries);
    }
}
