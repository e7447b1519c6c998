package io.dynamo.jaxrs.client;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Keys on the wire: the UTF-8 bytes of the key, every byte but the RFC 3986 unreserved characters percent-encoded,
 * which is exactly what the server's strict decoding (kv/KeyPath) turns back into the same bytes. Encoding more
 * than needed is deliberate: {@code /}, {@code ;}, {@code %}, {@code +}, {@code ?}, {@code #}, spaces and non-ASCII
 * all have a meaning somewhere between here and the resource. Public for other HTTP clients of the nodes (the
 * admin console).
 */
public final class KeyPaths {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private KeyPaths() {
    }

    /** The key's bytes for a request: {@link #utf8}, refusing what the nodes' HTTP listener cannot take. */
    static byte[] forRequest(String key) {
        if (key != null && (key.indexOf('\\') >= 0 || key.indexOf('\0') >= 0)) {
            // Payara's HTTP listener refuses %5C and %00 in any path before the node sees the request.
            throw new IllegalArgumentException("the key contains a backslash or a NUL character, which the nodes' HTTP"
                    + " listener refuses in a path; replace them (for example with '/' or an escape of your own)");
        }
        return utf8(key);
    }

    /** The key's bytes, as the node will hash and store them. */
    static byte[] utf8(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the key is empty; give at least one character");
        }
        try {
            // Strict: String.getBytes would silently turn a lone surrogate into '?', merging different keys.
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(key));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the key is not valid Unicode (it has a lone surrogate), so it has no "
                    + "UTF-8 form", e);
        }
    }

    /** The path segment for the key. */
    static String encode(String key) {
        return encode(utf8(key));
    }

    /**
     * The path segment for a key in a request to a node; refuses (IllegalArgumentException, saying why) an empty key,
     * one that is not valid Unicode, and one the nodes' listener would refuse.
     */
    public static String segment(String key) {
        return encode(forRequest(key));
    }

    static String encode(byte[] keyBytes) {
        StringBuilder out = new StringBuilder(keyBytes.length * 3);
        // "." and ".." alone are dot-segments that URI normalisation would remove; the escaped form is the same key.
        boolean dotSegment = keyBytes.length <= 2 && allDots(keyBytes);
        for (byte b : keyBytes) {
            int c = b & 0xff;
            if (unreserved(c) && !dotSegment) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >>> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean unreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean allDots(byte[] bytes) {
        for (byte b : bytes) {
            if (b != '.') {
                return false;
            }
        }
        return true;
    }
}
