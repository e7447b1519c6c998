package io.dynamo.core.base;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A key as the client gave it: opaque bytes in a namespace, compared by both. It keeps its MD5 once computed: a
 * request carries one key object from the resource (or the message that brought it) to the ring, the store and the
 * Merkle trees, so the hash is computed once per request on each node.
 *
 * <p>A key of the {@code default} namespace is its bytes alone, as before namespaces existed: its ring position is
 * their MD5 and {@link #stored()} is the bytes. A key of another namespace is stored as the namespace's length (one
 * byte), its name and the bytes, and its ring position is the MD5 of that with the lowest bit flipped. So a stored
 * key whose prefix is the MD5 of the rest is a default key, and no namespaced key can ever be mistaken for one (or
 * one namespace's key for another's), whatever bytes a client chooses.
 */
public final class Key implements Comparable<Key> {
    /** The namespace of every key a client gives without one. */
    public static final String DEFAULT_NAMESPACE = "default";

    private final String namespace;
    private final byte[] bytes;
    private volatile byte[] md5;

    private Key(String namespace, byte[] bytes) {
        this.namespace = namespace;
        this.bytes = bytes;
    }

    public static Key of(byte[] bytes) {
        return in(DEFAULT_NAMESPACE, bytes);
    }

    /** The key in a namespace; the name is not checked here (the catalog checks names when they are created). */
    public static Key in(String namespace, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidKeyException("the key is empty; give at least one byte");
        }
        int nameLength = namespace.getBytes(StandardCharsets.UTF_8).length;
        if (namespace.isEmpty() || nameLength > 255) {
            throw new InvalidKeyException("the namespace name must have 1 to 255 bytes, not " + nameLength);
        }
        return new Key(namespace.equals(DEFAULT_NAMESPACE) ? DEFAULT_NAMESPACE : namespace, bytes.clone());
    }

    /** The key as {@link #stored()} wrote it; throws {@link InvalidKeyException} for bytes it cannot have written. */
    public static Key fromStored(byte[] ringPosition, byte[] stored) {
        byte[] hash = Md5.of(stored);
        if (Arrays.equals(hash, ringPosition)) {
            Key key = new Key(DEFAULT_NAMESPACE, stored.clone());
            key.md5 = hash;
            return key;
        }
        int nameLength = stored.length == 0 ? 0 : stored[0] & 0xff;
        flip(hash);
        if (nameLength == 0 || stored.length <= 1 + nameLength || !Arrays.equals(hash, ringPosition)) {
            throw new InvalidKeyException("a stored key of " + stored.length + " bytes matches its ring position"
                    + " neither as a default key nor as a namespaced one");
        }
        String name = new String(stored, 1, nameLength, StandardCharsets.UTF_8);
        Key key = new Key(name, Arrays.copyOfRange(stored, 1 + nameLength, stored.length));
        key.md5 = hash;
        return key;
    }

    /** The key's namespace, {@link #DEFAULT_NAMESPACE} unless it was made in another. */
    public String namespace() {
        return namespace;
    }

    public boolean inDefaultNamespace() {
        return namespace.equals(DEFAULT_NAMESPACE);
    }

    /**
     * The key as stores, hints and Merkle digests keep it: the bytes for a default key, else the namespace's length,
     * its name and the bytes.
     */
    public byte[] stored() {
        if (inDefaultNamespace()) {
            return bytes.clone();
        }
        byte[] name = namespace.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[1 + name.length + bytes.length];
        out[0] = (byte) name.length;
        System.arraycopy(name, 0, out, 1, name.length);
        System.arraycopy(bytes, 0, out, 1 + name.length, bytes.length);
        return out;
    }

    private static void flip(byte[] hash) {
        hash[hash.length - 1] ^= 1;
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
            hash = Md5.of(stored());
            if (!inDefaultNamespace()) {
                flip(hash);
            }
            md5 = hash; // a race computes it twice, never wrongly
        }
        return hash.clone();
    }

    /**
     * Readable form for messages: the UTF-8 text when it is printable, else hex; a key of another namespace than the
     * default one has the namespace's name and a slash before it.
     */
    @Override
    public String toString() {
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean printable = text.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f && c != 0xfffd);
        String shown = printable ? text : "0x" + HexFormat.of().formatHex(bytes);
        return inDefaultNamespace() ? shown : namespace + "/" + shown;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key other && Arrays.equals(bytes, other.bytes) && namespace.equals(other.namespace);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + namespace.hashCode();
    }

    @Override
    public int compareTo(Key o) {
        int byBytes = Arrays.compareUnsigned(bytes, o.bytes);
        return byBytes != 0 ? byBytes : namespace.compareTo(o.namespace);
    }
}
