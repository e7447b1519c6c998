package io.dynamo.core.version;

import java.util.Arrays;
import java.util.Objects;

/**
 * One stored value: the client's bytes and their content type, or a tombstone left by a delete.
 * Tombstones are versions like any other so that a delete never loses a concurrent write.
 *
 * <p>A value may expire: {@link #expiresAt()} is the wall-clock millis from which it reads as deleted (0: never).
 * The expiry travels with the value into its version, so every copy of the version expires at the same time.
 */
public final class Value {
    public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    /** The {@link #expiresAt()} of a value that never expires. */
    public static final long NEVER = 0;
    private static final Value TOMBSTONE = new Value(new byte[0], DEFAULT_CONTENT_TYPE, true, NEVER);

    private final byte[] bytes;
    private final String contentType;
    private final boolean tombstone;
    private final long expiresAt;

    private Value(byte[] bytes, String contentType, boolean tombstone, long expiresAt) {
        this.bytes = bytes;
        this.contentType = contentType;
        this.tombstone = tombstone;
        this.expiresAt = expiresAt;
    }

    public static Value of(byte[] bytes, String contentType) {
        Objects.requireNonNull(bytes, "bytes");
        String type = contentType == null || contentType.isBlank() ? DEFAULT_CONTENT_TYPE : contentType;
        return new Value(bytes.clone(), type, false, NEVER);
    }

    /** This value expiring at {@code millis} (wall clock), or never for {@link #NEVER}; a tombstone never expires. */
    public Value expiringAt(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("an expiry is not negative: " + millis);
        }
        if (tombstone || millis == expiresAt) {
            return this;
        }
        return new Value(bytes, contentType, false, millis);
    }

    /** The wall-clock millis from which this value reads as deleted, {@link #NEVER} if it does not expire. */
    public long expiresAt() {
        return expiresAt;
    }

    /** True when the value expires at or before {@code nowMillis}. */
    public boolean isExpired(long nowMillis) {
        return expiresAt != NEVER && expiresAt <= nowMillis;
    }

    /** True for a tombstone and for a value expired at {@code nowMillis}: what a reader does not see. */
    public boolean isDeadAt(long nowMillis) {
        return tombstone || isExpired(nowMillis);
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
        return o instanceof Value v && tombstone == v.tombstone && expiresAt == v.expiresAt
                && contentType.equals(v.contentType) && Arrays.equals(bytes, v.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + contentType.hashCode() + (tombstone ? 1 : 0) + Long.hashCode(expiresAt);
    }

    @Override
    public String toString() {
        return tombstone ? "Value[tombstone]" : "Value[" + bytes.length + " bytes, " + contentType
                + (expiresAt == NEVER ? "" : ", expires " + expiresAt) + "]";
    }
}
