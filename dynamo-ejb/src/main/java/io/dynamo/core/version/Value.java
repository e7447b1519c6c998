package io.dynamo.core.version;

import java.util.Arrays;
import java.util.Objects;

/**
 * One stored value: the client's bytes and their content type, or a tombstone left by a delete.
 * Tombstones are versions like any other so that a delete never loses a concurrent write.
 */
public final class Value {
    public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    private static final Value TOMBSTONE = new Value(new byte[0], DEFAULT_CONTENT_TYPE, true);

    private final byte[] bytes;
    private final String contentType;
    private final boolean tombstone;

    private Value(byte[] bytes, String contentType, boolean tombstone) {
        this.bytes = bytes;
        this.contentType = contentType;
        this.tombstone = tombstone;
    }

    public static Value of(byte[] bytes, String contentType) {
        Objects.requireNonNull(bytes, "bytes");
        String type = contentType == null || contentType.isBlank() ? DEFAULT_CONTENT_TYPE : contentType;
        return new Value(bytes.clone(), type, false);
    }

    public static Value tombstone() {
        return TOMBSTONE;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public String contentType() {
        return contentType;
    }

    public boolean isTombstone() {
        return tombstone;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value v && tombstone == v.tombstone && contentType.equals(v.contentType)
                && Arrays.equals(bytes, v.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + contentType.hashCode() + (tombstone ? 1 : 0);
    }

    @Override
    public String toString() {
        return tombstone ? "Value[tombstone]" : "Value[" + bytes.length + " bytes, " + contentType + "]";
    }
}
