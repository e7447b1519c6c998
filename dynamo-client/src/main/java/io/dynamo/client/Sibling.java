package io.dynamo.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One version of a value: its bytes, the Content-Type it was stored with, and when it was written.
 *
 * @param value        the bytes (copied in and out, so a sibling cannot be changed after the fact)
 * @param contentType  as stored; {@code application/octet-stream} when the writer gave none
 * @param lastModified when it was written, by the clock of the node that coordinated the write (to the millisecond
 *                     for siblings, to the second for a single version, from its {@code Last-Modified}); null when
 *                     unknown (a version written before nodes kept times, or one the application builds to write)
 */
public record Sibling(byte[] value, String contentType, Instant lastModified) {
    public static final String OCTET_STREAM = "application/octet-stream";

    public Sibling {
        value = Objects.requireNonNull(value, "value").clone();
        contentType = contentType == null || contentType.isBlank() ? OCTET_STREAM : contentType;
    }

    /** A version to write, or one whose time is unknown. */
    public Sibling(byte[] value, String contentType) {
        this(value, contentType, null);
    }

    /** A text value, stored as UTF-8 with {@code text/plain; charset=UTF-8}. */
    public static Sibling text(String text) {
        return new Sibling(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8");
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The bytes read as UTF-8, whatever the content type says. */
    public String asString() {
        return new String(value, StandardCharsets.UTF_8);
    }

    // A record compares arrays by reference; two siblings with the same bytes and type are the same content, whenever
    // each was written.
    @Override
    public boolean equals(Object o) {
        return o instanceof Sibling other && Arrays.equals(value, other.value)
                && contentType.equals(other.contentType);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(value) + contentType.hashCode();
    }

    @Override
    public String toString() {
        return "Sibling[" + value.length + " bytes, " + contentType + "]";
    }
}
