package io.dynamo.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** A key as the client gave it: opaque bytes, compared by content. */
public final class Key implements Comparable<Key> {
    private final byte[] bytes;

    private Key(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Key of(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidKeyException("the key is empty; give at least one byte");
        }
        return new Key(bytes.clone());
    }

    public static Key of(String utf8) {
        return of(utf8 == null ? null : utf8.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** Readable form for messages: the UTF-8 text when it is printable, else hex. */
    @Override
    public String toString() {
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean printable = text.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f && c != 0xfffd);
        return printable ? text : "0x" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(Key o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }
}
