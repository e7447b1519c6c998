package io.dynamo.jaxrs.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpectedTest {
    private static final String JSON = "Content-Type: application/json\r\n";

    @Test
    void theStatusAndTheErrorCodeMustBothMatch() {
        Expected cursor = Expected.error(400, "invalid_cursor");

        assertThat(cursor.problem("GET", answer(400, JSON, "{\"error\":\"invalid_cursor\"}"))).isNull();
        assertThat(cursor.problem("GET", answer(400, JSON, "{\"error\":\"invalid_parameter\"}"))).isNotNull();
        assertThat(cursor.problem("GET", answer(404, JSON, "{\"error\":\"invalid_cursor\"}"))).isNotNull();
        assertThat(cursor.problem("HEAD", answer(400, JSON, ""))).as("a HEAD answer has no body").isNull();
    }

    @Test
    void aListingAskedAsNdjsonMustComeAsNdjson() {
        assertThat(Expected.lines().problem("GET", answer(200, "Content-Type: application/x-ndjson\r\n", "{}")))
                .isNull();
        assertThat(Expected.lines().problem("GET", answer(200, JSON, "{}"))).isNotNull();
        assertThat(Expected.oneOf("not_found", 200, 404).problem("GET", answer(300, JSON, "{}"))).isNotNull();
    }

    private static RawHttp.Answer answer(int status, String headers, String body) {
        return new RawHttp.Answer(status, headers, body, 1);
    }
}
