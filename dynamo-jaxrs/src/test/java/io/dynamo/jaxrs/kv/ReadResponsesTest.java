package io.dynamo.jaxrs.kv;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadResponsesTest {
    private static final MediaType JSON = new MediaType("application", "json");
    private static final MediaType ANY = new MediaType("*", "*");

    @Test
    void jsonOnlyWhenItIsTheFirstChoice() {
        assertThat(ReadResponses.prefersJson(List.of(JSON))).isTrue();
        assertThat(ReadResponses.prefersJson(List.of(JSON, ANY))).isTrue();
        assertThat(ReadResponses.prefersJson(List.of(ANY))).isFalse();
        assertThat(ReadResponses.prefersJson(List.of(new MediaType("text", "plain"), JSON))).isFalse();
        assertThat(ReadResponses.prefersJson(List.of(new MediaType("application", "*")))).isFalse();
        assertThat(ReadResponses.prefersJson(List.of())).isFalse();
    }
}
