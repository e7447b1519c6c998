package io.dynamo.jaxrs.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.InvalidKeyException;
import io.dynamo.core.base.Key;
import org.junit.jupiter.api.Test;

class KeyParamTest {

    @Test
    void decodesLikeTheKvPath() {
        assertThat(KeyParam.decode("caf%C3%A9", 100)).isEqualTo(Key.of("café"));
        assertThat(KeyParam.decode("a%2Fb+c", 100)).isEqualTo(Key.of("a/b+c"));
    }

    @Test
    void refusesWhatTheKvPathRefuses() {
        for (String bad : new String[] {"%FF", "%C3", "%zz", "%4", ""}) {
            assertThatThrownBy(() -> KeyParam.decode(bad, 100)).as(bad).isInstanceOf(InvalidKeyException.class);
        }
    }

    @Test
    void appliesTheKeyLengthLimit() {
        assertThat(KeyParam.decode("abc", 3)).isEqualTo(Key.of("abc"));
        assertThatThrownBy(() -> KeyParam.decode("abcd", 3)).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("the limit is 3");
    }
}
