package io.dynamo.jaxrs.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.InvalidKeyException;
import org.junit.jupiter.api.Test;

class KeyPathTest {

    @Test
    void plainAndPercentEncodedUtf8DecodeToTheSameBytes() {
        assertThat(KeyPath.decode("caf%C3%A9").bytes()).isEqualTo("café".getBytes(UTF_8));
        assertThat(KeyPath.decode("caf%c3%a9")).isEqualTo(KeyPath.decode("café"));
        assertThat(KeyPath.decode("a%2Fb%3Bc+d").bytes()).isEqualTo("a/b;c+d".getBytes(UTF_8));
        assertThat(KeyPath.decode("%F0%9F%98%80").bytes()).isEqualTo("\uD83D\uDE00".getBytes(UTF_8));
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        assertThatThrownBy(() -> KeyPath.decode("%FF")).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> KeyPath.decode("x%C3")).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> KeyPath.decode("%ED%A0%80")).isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void malformedEscapesAreRefused() {
        for (String bad : new String[] {"%", "a%", "a%4", "%zz", "%4g"}) {
            assertThatThrownBy(() -> KeyPath.decode(bad)).as(bad).isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("percent escape");
        }
    }

    @Test
    void theEmptyKeyIsRefused() {
        assertThatThrownBy(() -> KeyPath.decode("")).isInstanceOf(InvalidKeyException.class);
    }
}
