package io.dynamo.jaxrs.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.InvalidKeyException;
import org.junit.jupiter.api.Test;

/** The server's side of the key encoding: the API's decoding (tested in dynamo-api), its refusals as 400s. */
class KeyPathTest {

    @Test
    void plainAndPercentEncodedUtf8DecodeToTheSameKey() {
        assertThat(KeyPath.decode("caf%C3%A9").bytes()).isEqualTo("café".getBytes(UTF_8));
        assertThat(KeyPath.decode("caf%c3%a9")).isEqualTo(KeyPath.decode("café"));
    }

    @Test
    void whatTheDecodingRefusesIsAnInvalidKey() {
        assertThatThrownBy(() -> KeyPath.decode("%FF")).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> KeyPath.decode("a%4")).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("percent escape");
        assertThatThrownBy(() -> KeyPath.decode("")).isInstanceOf(InvalidKeyException.class);
    }
}
