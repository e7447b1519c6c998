package io.dynamo.core.listing;

import io.dynamo.core.base.DynamoException;
import io.dynamo.core.codec.BinaryReader;
import io.dynamo.core.codec.BinaryWriter;
import io.dynamo.core.ring.Partitioner;
import java.util.Arrays;
import java.util.Base64;

/**
 * Where a listing resumes: the storage position (ring position, then stored key) from which the next page reads,
 * with the namespace and prefix the listing is of. Positions on the ring do not depend on which nodes own the
 * partitions, so a cursor stays valid across ring changes. Its text form is base64url (no padding) of a format byte
 * ({@link #FORMAT}), the namespace, the prefix and the position, each length-prefixed.
 *
 * @param from empty for the start of the ring, else at least a ring position's 16 bytes
 */
public record ListingCursor(String namespace, byte[] prefix, byte[] from) {
    static final int FORMAT = 1;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    public ListingCursor {
        if (from.length != 0 && from.length < Partitioner.HASH_BYTES) {
            throw new IllegalArgumentException("a listing position has at least " + Partitioner.HASH_BYTES
                    + " bytes, not " + from.length);
        }
    }

    /** The cursor of the first page. */
    public static ListingCursor start(String namespace, byte[] prefix) {
        return new ListingCursor(namespace, prefix.clone(), new byte[0]);
    }

    public String encode() {
        BinaryWriter w = new BinaryWriter(32 + prefix.length + from.length);
        w.writeByte(FORMAT).writeString(namespace).writeBytes(prefix).writeBytes(from);
        return ENCODER.encodeToString(w.toByteArray());
    }

    /**
     * The cursor a page gave, checked against the listing it is used for.
     *
     * @throws InvalidCursorException when it is not a cursor, or one of another namespace or prefix
     */
    public static ListingCursor decode(String text, String namespace, byte[] prefix) {
        ListingCursor cursor;
        try {
            BinaryReader r = new BinaryReader(Base64.getUrlDecoder().decode(text));
            int format = r.readByte();
            if (format != FORMAT) {
                throw new InvalidCursorException("the cursor is of format " + format + "; this node reads format "
                        + FORMAT + ": start the listing again without a cursor");
            }
            cursor = new ListingCursor(r.readString(), r.readBytes(), r.readBytes());
            r.expectEnd();
        } catch (IllegalArgumentException | DynamoException e) {
            if (e instanceof InvalidCursorException invalid) {
                throw invalid;
            }
            throw new InvalidCursorException("the cursor is not one a listing gave (" + e.getMessage()
                    + "): pass nextCursor from the previous page unchanged");
        }
        if (!cursor.namespace.equals(namespace) || !Arrays.equals(cursor.prefix, prefix)) {
            throw new InvalidCursorException("the cursor belongs to another listing (of another namespace or"
                    + " prefix): pass it with the namespace and prefix it was given for");
        }
        return cursor;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListingCursor c && namespace.equals(c.namespace) && Arrays.equals(prefix, c.prefix)
                && Arrays.equals(from, c.from);
    }

    @Override
    public int hashCode() {
        return namespace.hashCode() * 31 + Arrays.hashCode(from);
    }

    @Override
    public String toString() {
        return encode();
    }
}
