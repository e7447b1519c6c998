package io.dynamo.jaxrs.kv;

import io.dynamo.core.base.InvalidKeyException;
import io.dynamo.core.base.Key;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the still-encoded {key} path segment. Done by hand because the container's decoding silently turns
 * invalid UTF-8 into U+FFFD, which would map different keys onto the same one.
 */
public final class KeyPath {
    private KeyPath() {
    }

    public static Key decode(String encoded) {
        byte[] bytes = percentDecode(encoded);
        requireUtf8(bytes);
        return Key.of(bytes);
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
                    throw new InvalidKeyException("the key has a malformed percent escape at position " + i
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
            throw new InvalidKeyException("the key is not valid UTF-8 once percent-decoded; "
                    + "send keys as percent-encoded UTF-8");
        }
    }
}
