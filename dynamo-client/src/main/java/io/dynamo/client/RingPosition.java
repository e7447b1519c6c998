package io.dynamo.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Where a key sits on the ring, computed as the nodes compute it (their {@code Key.md5()}): the MD5 of a default
 * key's bytes; for a key of another namespace, the MD5 of the namespace's length (one byte), its name and the key's
 * bytes, with the lowest bit flipped. So the client places a namespaced key on its own replicas, and a key named the
 * same in two namespaces lands where the nodes put each.
 */
final class RingPosition {
    /** The namespace every key belongs to when no other is named. */
    static final String DEFAULT_NAMESPACE = "default";

    private RingPosition() {
    }

    static byte[] of(byte[] keyBytes) {
        return md5(keyBytes);
    }

    static byte[] in(String namespace, byte[] keyBytes) {
        if (namespace.equals(DEFAULT_NAMESPACE)) {
            return of(keyBytes);
        }
        byte[] name = namespace.getBytes(StandardCharsets.UTF_8);
        if (name.length == 0 || name.length > 255) {
            // not a name the nodes accept: they answer for it, any node will do
            return null;
        }
        byte[] stored = new byte[1 + name.length + keyBytes.length];
        stored[0] = (byte) name.length;
        System.arraycopy(name, 0, stored, 1, name.length);
        System.arraycopy(keyBytes, 0, stored, 1 + name.length, keyBytes.length);
        byte[] hash = md5(stored);
        hash[hash.length - 1] ^= 1;
        return hash;
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
