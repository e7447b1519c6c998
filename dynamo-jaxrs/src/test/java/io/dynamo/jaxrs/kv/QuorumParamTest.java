package io.dynamo.jaxrs.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class QuorumParamTest {

    @Test
    void absentMeansTheNodeDefault() {
        assertThat(QuorumParam.parse("r", null)).isEmpty();
    }

    @Test
    void integersPassThroughForTheNodeToRangeCheck() {
        assertThat(QuorumParam.parse("r", "2")).isEqualTo(OptionalInt.of(2));
        assertThat(QuorumParam.parse("w", "0")).isEqualTo(OptionalInt.of(0));
        assertThat(QuorumParam.parse("w", "-1")).isEqualTo(OptionalInt.of(-1));
    }

    @Test
    void anythingElseIsRefusedNamingTheParameter() {
        for (String bad : new String[] {"", "abc", "1.5", " 1", "99999999999", "0x1"}) {
            assertThatThrownBy(() -> QuorumParam.parse("r", bad)).as(bad)
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("query parameter r");
            assertThatThrownBy(() -> QuorumParam.durableWrites(bad)).as(bad)
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("query parameter dw").hasMessageContaining("from 1 to W");
        }
        assertThat(QuorumParam.durableWrites("1")).isEqualTo(OptionalInt.of(1));
        assertThat(QuorumParam.durableWrites(null)).isEmpty();
    }
}
