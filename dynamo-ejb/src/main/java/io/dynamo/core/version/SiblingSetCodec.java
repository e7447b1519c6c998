package io.dynamo.core.version;

import io.dynamo.core.codec.BinaryReader;
import io.dynamo.core.codec.BinaryWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a key's sibling set, used on disk and on the wire: the clock as in {@link ContextCodec},
 * then each sibling as its dot (actor by index into the clock, which always holds it), a flags byte, and unless
 * it is a tombstone its content type and bytes.
 *
 * <p>A set is serialised once and keeps its binary form: a coordinated write is stored and sent to every other
 * replica (and kept as a hint for those that fail) as one set, so its versions and values are encoded once.
 */
public final class SiblingSetCodec {
    private static final int FORMAT = 1;
    private static final int TOMBSTONE = 1;

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

    private static byte[] serialise(SiblingSet set) {
        int size = 8 + set.clock().size() * 24;
        for (Sibling s : set.siblings()) {
            size += 32 + s.value().size();
        }
        BinaryWriter w = new BinaryWriter(size);
        w.writeByte(FORMAT);
        ContextCodec.write(w, set.clock());
        List<VectorClock.Entry> entries = set.clock().entries();
        w.writeVarLong(set.siblings().size());
        for (Sibling s : set.siblings()) {
            w.writeVarLong(actorIndex(entries, s.dot().actor())).writeVarLong(s.dot().counter());
            Value v = s.value();
            w.writeByte(v.isTombstone() ? TOMBSTONE : 0);
            if (!v.isTombstone()) {
                w.writeString(v.contentType()).writeBytes(v.bytes());
            }
        }
        return w.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a sibling set this codec wrote */
    public static SiblingSet decode(byte[] bytes) {
        BinaryReader r = new BinaryReader(bytes);
        int format = r.readByte();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown sibling set format " + format);
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
            Value value = Value.tombstone();
            if ((flags & TOMBSTONE) == 0) {
                String type = r.readString();
                value = Value.of(r.readBytes(), type);
            }
            siblings.add(new Sibling(dot, value));
        }
        r.expectEnd();
        return new SiblingSet(clock, siblings);
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
