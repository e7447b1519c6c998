package io.dynamo.jaxrs.kv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void readsParametersAsJaxRsDoes() {
        QueryParams q = QueryParams.parse("r=2&w=3&r=1&dw&x=a+b%21&&=v");
        assertThat(q.get("r")).as("the first of a repeated name").isEqualTo("2");
        assertThat(q.get("w")).isEqualTo("3");
        assertThat(q.get("dw")).as("a name without =").isEmpty();
        assertThat(q.get("x")).isEqualTo("a b!");
        assertThat(q.get("y")).isNull();
        assertThat(QueryParams.parse(null).get("r")).isNull();
    }

    @Test
    void aQueryItCannotDecodeIsLeftToJaxRs() {
        assertThat(QueryParams.parse("r=%zz")).isNull();
        assertThat(QueryParams.parse("r=%2")).isNull();
    }
}
