package io.dynamo.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Keys on the wire, both ways. Clients send the UTF-8 bytes of the key with every byte but the RFC 3986 unreserved
 * characters percent-encoded; the server decodes strictly ({@link #decode}), so the same bytes come back. Encoding
 * more than needed is deliberate: {@code /}, {@code ;}, {@code %}, {@code +}, {@code ?}, {@code #}, spaces and
 * non-ASCII all have a meaning somewhere between here and the resource.
 */
public final class KeyPaths {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private KeyPaths() {
    }

    /** The key's bytes for a request: {@link #utf8}, refusing what the nodes' HTTP listener cannot take. */
    public static byte[] forRequest(String key) {
        if (key != null && (key.indexOf('\\') >= 0 || key.indexOf('\0') >= 0)) {
            // Payara's HTTP listener refuses %5C and %00 in any path before the node sees the request.
            throw new IllegalArgumentException("the key contains a backslash or a NUL character, which the nodes' HTTP"
                    + " listener refuses in a path; replace them (for example with '/' or an escape of your own)");
        }
        return utf8(key);
    }

    /** The key's bytes, as the node will hash and store them. */
    public static byte[] utf8(String key) {
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
    public static String encode(String key) {
        return encode(utf8(key));
    }

    /**
     * The path segment for a key in a request to a node; refuses (IllegalArgumentException, saying why) an empty key,
     * one that is not valid Unicode, and one the nodes' listener would refuse.
     */
    public static String segment(String key) {
        return encode(forRequest(key));
    }

    /** The path segment for a key's bytes. */
    public static String encode(byte[] keyBytes) {
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

    /**
     * The key's bytes from its still-encoded path segment. Done by hand because a container's decoding silently turns
     * invalid UTF-8 into U+FFFD, which would map different keys onto the same one.
     *
     * @throws IllegalArgumentException for a malformed percent escape, or bytes that are not UTF-8, saying which
     */
    public static byte[] decode(String segment) {
        byte[] bytes = percentDecode(segment);
        requireUtf8(bytes);
        return bytes;
    }

    private static byte[] percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw new IllegalArgumentException("the key has a malformed percent escape at position " + i
                            + "; encode each byte as % and two hex digits");
                }
                out.write(hi << 4 | lo);
                i += 3;
            } else {
                // Unescaped characters stand for their UTF-8 bytes (plain ASCII in any well-formed URI).
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return out.toByteArray();
    }

    private static void requireUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the key is not valid UTF-8 once percent-decoded; "
                    + "send keys as percent-encoded UTF-8");
        }
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
