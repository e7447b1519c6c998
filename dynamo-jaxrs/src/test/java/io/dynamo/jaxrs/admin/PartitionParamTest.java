package io.dynamo.jaxrs.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartitionParamTest {

    @Test
    void partitionsRunFromZeroToQMinusOne() {
        assertThat(PartitionParam.parse("0", 256)).isZero();
        assertThat(PartitionParam.parse("255", 256)).isEqualTo(255);
    }

    @Test
    void anythingElseIsRefusedWithTheRange() {
        for (String bad : new String[] {"256", "-1", "abc", "", "1.0", "0x1", "99999999999", " 1"}) {
            assertThatThrownBy(() -> PartitionParam.parse(bad, 256)).as(bad)
                    .isInstanceOf(InvalidPartitionException.class)
                    .hasMessageContaining("numbered 0 to 255 (Q=256)");
        }
    }
}
