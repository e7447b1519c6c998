package io.dynamo.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {
    @Test
    void codesAreTheSnakeCaseNamesTheApiDocuments() {
        assertThat(ErrorCode.INVALID_KEY.code()).isEqualTo("invalid_key");
        assertThat(ErrorCode.INVALID_KEY.status()).isEqualTo(400);
        assertThat(ErrorCode.VALUE_TOO_LARGE.status()).isEqualTo(413);
        assertThat(ErrorCode.STALE_PLAN.status()).isEqualTo(409);
        assertThat(ErrorCode.INSUFFICIENT_REPLICAS.status()).isEqualTo(503);
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(code.code()).matches("[a-z_]+");
            assertThat(ErrorCode.of(code.code())).contains(code);
        }
    }

    @Test
    void unknownCodesAreNoneOfOurs() {
        assertThat(ErrorCode.of(null)).isEmpty();
        assertThat(ErrorCode.of("teapot")).isEmpty();
        assertThat(ErrorCode.of("INVALID_KEY")).isEmpty();
    }

    @Test
    void onlyRefusalsOfOneNodeAreWorthAskingAnother() {
        assertThat(ErrorCode.values()).filteredOn(ErrorCode::nodeLocal)
                .containsExactlyInAnyOrder(ErrorCode.RING_UNKNOWN, ErrorCode.STORAGE_UNAVAILABLE, ErrorCode.OVERLOADED);
    }

    @Test
    void theBodyKeepsItsFieldNamesAndOrderOnTheWire() throws Exception {
        try (Jsonb json = JsonbBuilder.create()) {
            assertThat(json.toJson(ErrorCode.NOT_FOUND.body("key 'k' has no value")))
                    .isEqualTo("{\"error\":\"not_found\",\"detail\":\"key 'k' has no value\"}");
            assertThat(json.fromJson("{\"detail\":\"d\",\"error\":\"stale_plan\"}", ErrorBody.class))
                    .isEqualTo(new ErrorBody("stale_plan", "d"));
        }
    }
}
