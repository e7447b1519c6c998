package io.dynamo.console.service;

import java.nio.charset.StandardCharsets;

/** A key as one path segment: its UTF-8 bytes, every byte outside the unreserved set percent-encoded. */
final class KeyPath {
    private static final String HEX = "0123456789ABCDEF";

    private KeyPath() {
    }

    static String encode(String key) {
        StringBuilder out = new StringBuilder();
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
            }
        }
        return out.toString();
    }
}
