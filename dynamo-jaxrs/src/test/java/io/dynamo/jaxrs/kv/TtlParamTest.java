package io.dynamo.jaxrs.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.api.DynamoHeaders;
import io.dynamo.core.version.Expiry;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TtlParamTest {

    @Test
    void eitherOrBothAlikeGiveTheSeconds() {
        assertThat(TtlParam.NONE.seconds()).isEmpty();
        assertThat(new TtlParam("60", null).seconds()).isEqualTo(OptionalLong.of(60));
        assertThat(new TtlParam(null, "1").seconds()).isEqualTo(OptionalLong.of(1));
        assertThat(new TtlParam(" 30 ", "30").seconds()).isEqualTo(OptionalLong.of(30));
        assertThat(new TtlParam(null, "315360000").seconds()).isEqualTo(OptionalLong.of(315_360_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "-0", "1.5", "1e3", "abc", "", "+5", "315360001", "99999999999999999999",
            "0x10", "１０"})
    void anythingButWholeSecondsFromOneToTenYearsIsRefused(String bad) {
        assertThatThrownBy(() -> new TtlParam(bad, null).seconds()).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("header X-Dynamo-TTL").hasMessageContaining("from 1 to 315360000");
        assertThatThrownBy(() -> new TtlParam(null, bad).seconds()).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("query parameter ttl");
    }

    /** The client checks a ttl against the API's bound before sending: it must be the one the nodes keep. */
    @Test
    void theApiBoundIsTheNodesBound() {
        assertThat(DynamoHeaders.TTL_MAX_SECONDS).isEqualTo(Expiry.MAX_SECONDS);
        assertThat(TtlParam.HEADER).isEqualTo(DynamoHeaders.TTL);
    }

    @Test
    void aHeaderAndAParameterThatDifferAreRefused() {
        assertThatThrownBy(() -> new TtlParam("60", "61").seconds()).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("differ");
    }
}
