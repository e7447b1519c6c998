package io.dynamo.core.version;

import io.dynamo.core.codec.BinaryReader;
import io.dynamo.core.codec.BinaryWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a key's sibling set, used on disk and on the wire. Format 1: the format byte, the clock as in
 * {@link ContextCodec}, then each sibling as its dot (actor by index into the clock, which always holds it), a flags
 * byte, and unless it is a tombstone its content type and bytes. Format 2 (timed) adds a set flags byte after the
 * format byte (1 when the set is {@link SiblingSet#isLatestWins()}) and, after each sibling, its hybrid time (millis
 * and logical counter, varints). Both are read; format 2 is written, and format 1 for peers of an older wire format
 * (the times and the mark are then dropped: such a peer reads them as unknown). Format 3 (expiring) is format 2
 * with flag 2 in a sibling's flags byte when its value expires, the expiry millis (a varint) then following the value
 * bytes; it is written only for a set with an expiring value, so every other set keeps the bytes of format 2, and a
 * set with one is never written in an older format (it would lose the expiry: {@link #writeTimed} and
 * {@link #writeUntimed} refuse it).
 *
 * <p>A set is serialised once and keeps its binary form: a coordinated write is stored and sent to every other
 * replica (and kept as a hint for those that fail) as one set, so its versions and values are encoded once.
 */
public final class SiblingSetCodec {
    private static final int UNTIMED_FORMAT = 1;
    private static final int TIMED_FORMAT = 2;
    private static final int EXPIRING_FORMAT = 3;
    private static final int TOMBSTONE = 1;
    private static final int EXPIRES = 2;
    private static final int LATEST_WINS = 1;

    private SiblingSetCodec() {
    }

    /** The set's binary form, a copy the caller may keep or change. */
    public static byte[] encode(SiblingSet set) {
        return set.encoded(SiblingSetCodec::serialise).clone();
    }

    /** The length of the set's binary form (computed once per set and kept with it). */
    public static int size(SiblingSet set) {
        return set.encoded(SiblingSetCodec::serialise).length;
    }

    /** Appends the set's binary form as {@link BinaryWriter#writeBytes} does (length, then bytes), copied once. */
    public static BinaryWriter write(BinaryWriter w, SiblingSet set) {
        return w.writeBytes(set.encoded(SiblingSetCodec::serialise));
    }

    /**
     * As {@link #write(BinaryWriter, SiblingSet)} in format 1, without times, for a peer that reads no newer.
     *
     * @throws IllegalArgumentException when a value of the set expires: such a peer would keep it forever
     */
    public static BinaryWriter writeUntimed(BinaryWriter w, SiblingSet set) {
        refuseExpiring(set, UNTIMED_FORMAT);
        return w.writeBytes(serialise(set, false));
    }

    /**
     * As {@link #write(BinaryWriter, SiblingSet)} for a peer that reads formats 1 and 2 only (a set without an
     * expiring value is written in format 2 anyway).
     *
     * @throws IllegalArgumentException when a value of the set expires: such a peer would keep it forever
     */
    public static BinaryWriter writeTimed(BinaryWriter w, SiblingSet set) {
        refuseExpiring(set, TIMED_FORMAT);
        return write(w, set);
    }

    private static void refuseExpiring(SiblingSet set, int format) {
        if (set.hasExpiry()) {
            throw new IllegalArgumentException("a version with an expiry (TTL) cannot be written in sibling set format "
                    + format + ", which has no expiries: upgrade every node first");
        }
    }

    private static byte[] serialise(SiblingSet set) {
        return serialise(set, true);
    }

    private static byte[] serialise(SiblingSet set, boolean timed) {
        boolean expiring = timed && set.hasExpiry();
        int size = 8 + set.clock().size() * 24;
        for (Sibling s : set.siblings()) {
            size += 32 + s.value().size();
        }
        BinaryWriter w = new BinaryWriter(size);
        w.writeByte(expiring ? EXPIRING_FORMAT : timed ? TIMED_FORMAT : UNTIMED_FORMAT);
        if (timed) {
            w.writeByte(set.isLatestWins() ? LATEST_WINS : 0);
        }
        ContextCodec.write(w, set.clock());
        List<VectorClock.Entry> entries = set.clock().entries();
        w.writeVarLong(set.siblings().size());
        for (Sibling s : set.siblings()) {
            w.writeVarLong(actorIndex(entries, s.dot().actor())).writeVarLong(s.dot().counter());
            Value v = s.value();
            boolean expires = v.expiresAt() != Value.NEVER;
            w.writeByte((v.isTombstone() ? TOMBSTONE : 0) | (expires ? EXPIRES : 0));
            if (!v.isTombstone()) {
                w.writeString(v.contentType()).writeBytes(v.bytes());
            }
            if (expires) {
                w.writeVarLong(v.expiresAt());
            }
            if (timed) {
                w.writeVarLong(s.time().millis()).writeVarLong(s.time().logical());
            }
        }
        return w.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a sibling set this codec wrote */
    public static SiblingSet decode(byte[] bytes) {
        BinaryReader r = new BinaryReader(bytes);
        int format = r.readByte();
        if (format != UNTIMED_FORMAT && format != TIMED_FORMAT && format != EXPIRING_FORMAT) {
            throw new IllegalArgumentException("unknown sibling set format " + format);
        }
        boolean timed = format != UNTIMED_FORMAT;
        boolean expiring = format == EXPIRING_FORMAT;
        int setFlags = timed ? r.readByte() : 0;
        if ((setFlags & ~LATEST_WINS) != 0) {
            throw new IllegalArgumentException("unknown sibling set flags " + setFlags);
        }
        VectorClock clock = ContextCodec.read(r);
        List<VectorClock.Entry> entries = clock.entries();
        int n = r.readCount(3);
        List<Sibling> siblings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = (int) r.readVarLong();
            if (index < 0 || index >= entries.size()) {
                throw new IllegalArgumentException("sibling " + i + " names actor #" + index);
            }
            Dot dot = new Dot(entries.get(index).actor(), r.readVarLong());
            if (!clock.covers(dot)) {
                throw new IllegalArgumentException("sibling " + dot + " is not covered by the clock " + clock);
            }
            int flags = r.readByte();
            int known = expiring ? TOMBSTONE | EXPIRES : TOMBSTONE;
            if ((flags & ~known) != 0 || (flags & TOMBSTONE) != 0 && (flags & EXPIRES) != 0) {
                throw new IllegalArgumentException("sibling " + dot + " has flags " + flags);
            }
            Value value = Value.tombstone();
            if ((flags & TOMBSTONE) == 0) {
                String type = r.readString();
                value = Value.of(r.readBytes(), type);
            }
            if ((flags & EXPIRES) != 0) {
                long expiresAt = r.readVarLong();
                if (expiresAt <= 0) {
                    throw new IllegalArgumentException("sibling " + dot + " expires at " + expiresAt);
                }
                value = value.expiringAt(expiresAt);
            }
            siblings.add(new Sibling(dot, value, timed ? time(r) : HybridTime.ZERO));
        }
        r.expectEnd();
        boolean latestWins = (setFlags & LATEST_WINS) != 0;
        if (latestWins && siblings.size() > 1) {
            throw new IllegalArgumentException("a last-write-wins set holds one sibling, not " + siblings.size());
        }
        return new SiblingSet(clock, siblings, latestWins);
    }

    private static HybridTime time(BinaryReader r) {
        long millis = r.readVarLong();
        long logical = r.readVarLong();
        if (millis < 0 || logical < 0 || logical > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("hybrid time " + millis + "." + logical + " out of range");
        }
        return new HybridTime(millis, (int) logical);
    }

    private static int actorIndex(List<VectorClock.Entry> entries, String actor) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).actor().equals(actor)) {
                return i;
            }
        }
        throw new IllegalStateException("sibling actor " + actor + " missing from the clock " + entries);
    }
}
