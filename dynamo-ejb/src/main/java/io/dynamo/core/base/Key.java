package io.dynamo.core.base;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A key as the client gave it: opaque bytes, compared by content. It keeps its MD5 once computed: a request carries
 * one key object from the resource (or the message that brought it) to the ring, the store and the Merkle trees, so
 * the hash is computed once per request on each node.
 */
public final class Key implements Comparable<Key> {
    private final byte[] bytes;
    private volatile byte[] md5;

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

    /** The 16-byte MD5 of the key's bytes, its position on the ring. */
    public byte[] md5() {
        byte[] hash = md5;
        if (hash == null) {
            hash = Md5.of(bytes);
            md5 = hash; // a race computes it twice, never wrongly
        }
        return hash.clone();
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
