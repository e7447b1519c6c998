package io.dynamo.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The encoding clients use against the decoding the server uses ({@link KeyPaths#decode}). */
class KeyPathsTest {
    private static byte[] serverBytes(String encoded) {
        return KeyPaths.decode(encoded);
    }

    private static void roundTrips(String key) {
        String encoded = KeyPaths.encode(key);
        assertThat(encoded).as(key).matches("([A-Za-z0-9._~-]|%[0-9A-F]{2})+");
        assertThat(serverBytes(encoded)).as(key).isEqualTo(key.getBytes(UTF_8));
        // The segment survives being a URI path unchanged (no normalisation, no re-encoding).
        URI uri = URI.create("http://h/dynamo/api/v1/kv/" + encoded);
        assertThat(uri.normalize().getRawPath()).isEqualTo("/dynamo/api/v1/kv/" + encoded);
    }

    @Test
    void awkwardKeysRoundTrip() {
        for (String key : new String[] {"plain", "a/b", "a;b", "100%", "%41", "1+1", "two words", "tab\there",
                "new\nline", "q?x=1", "frag#1", "amp&eq=", "{tpl}", "café", "日本語", "\uD83D\uDE00", ".", "..", "...",
                "./x", "~user", "-_.", "\u0000", "\u007f", "\\", "\"'<>`|^", "@:!$&'()*,=", "/", "//", "a//b"}) {
            roundTrips(key);
        }
    }

    @Test
    void keysTheListenerWouldRefuseAreRefusedBeforeSending() {
        for (String key : new String[] {"C:\\temp", "nul\u0000byte"}) {
            assertThatThrownBy(() -> KeyPaths.forRequest(key))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backslash or a NUL");
        }
        assertThat(KeyPaths.forRequest("a/b")).isEqualTo(KeyPaths.utf8("a/b"));
    }

    @Test
    void aSegmentForOtherClientsIsCheckedAndEncodedLikeTheClientsOwnRequests() {
        assertThat(KeyPaths.segment("..")).isEqualTo("%2E%2E");
        assertThat(KeyPaths.segment("cart:alice")).isEqualTo("cart%3Aalice");
        assertThatThrownBy(() -> KeyPaths.segment("C:\\temp")).hasMessageContaining("backslash");
        assertThatThrownBy(() -> KeyPaths.segment("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> KeyPaths.segment("lone \ud800")).hasMessageContaining("lone surrogate");
    }

    @Test
    void randomUnicodeKeysRoundTrip() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder key = new StringBuilder();
            int length = 1 + random.nextInt(12);
            while (key.length() < length) {
                int cp = random.nextInt(4) == 0 ? random.nextInt(0x80) : random.nextInt(0x10FFFF + 1);
                if (cp < 0xD800 || cp > 0xDFFF) {
                    key.appendCodePoint(cp);
                }
            }
            roundTrips(key.toString());
        }
    }

    @Test
    void unreservedCharactersStayReadable() {
        assertThat(KeyPaths.encode("user-42.profile_v~1")).isEqualTo("user-42.profile_v~1");
        assertThat(KeyPaths.encode("a/b;c+d e")).isEqualTo("a%2Fb%3Bc%2Bd%20e");
        assertThat(KeyPaths.encode("é")).isEqualTo("%C3%A9");
        assertThat(KeyPaths.encode(".")).isEqualTo("%2E");
    }

    @Test
    void keysWithoutAUtf8FormAreRefused() {
        assertThatThrownBy(() -> KeyPaths.encode("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyPaths.encode((String) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyPaths.encode("a\uDC00b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyPaths.encode("\uD83D")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodingRefusesMalformedEscapesAndBytesThatAreNotUtf8() {
        for (String bad : new String[] {"%", "a%", "a%4", "%zz", "%4g"}) {
            assertThatThrownBy(() -> KeyPaths.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("percent escape");
        }
        for (String bad : new String[] {"%FF", "x%C3", "%ED%A0%80"}) {
            assertThatThrownBy(() -> KeyPaths.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("UTF-8");
        }
        assertThat(KeyPaths.decode("caf%c3%a9")).isEqualTo(KeyPaths.decode("café"));
    }
}
