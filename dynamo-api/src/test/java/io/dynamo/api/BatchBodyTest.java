package io.dynamo.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch bodies keep their field names and order on the wire, absent fields left out, and read back. */
class BatchBodyTest {
    @Test
    void aBatchAnswerOfEveryKindOfOutcomeReadsBackAsWritten() throws Exception {
        BatchResultsBody answer = new BatchResultsBody(List.of(
                new BatchResultBody("a", 200, "ctx", "\"tag\"", List.of(new SiblingBody("dg==", "text/plain", null)),
                        null),
                new BatchResultBody("b", 404, null, null, null, ErrorCode.NOT_FOUND.body("key 'b' has no value")),
                new BatchResultBody("c", 204, "ctx2", "\"tag2\"", null, null)));
        try (Jsonb json = JsonbBuilder.create()) {
            String text = json.toJson(answer);
            assertThat(text).isEqualTo("{\"results\":["
                    + "{\"key\":\"a\",\"status\":200,\"context\":\"ctx\",\"etag\":\"\\\"tag\\\"\","
                    + "\"siblings\":[{\"value\":\"dg==\",\"contentType\":\"text/plain\"}]},"
                    + "{\"key\":\"b\",\"status\":404,\"error\":{\"error\":\"not_found\","
                    + "\"detail\":\"key 'b' has no value\"}},"
                    + "{\"key\":\"c\",\"status\":204,\"context\":\"ctx2\",\"etag\":\"\\\"tag2\\\"\"}]}");
            assertThat(json.fromJson(text, BatchResultsBody.class)).isEqualTo(answer);
        }
    }

    @Test
    void batchRequestsKeepTheirFieldNames() throws Exception {
        try (Jsonb json = JsonbBuilder.create()) {
            assertThat(json.toJson(new BatchKeysBody(List.of("k1", "k2")))).isEqualTo("{\"keys\":[\"k1\",\"k2\"]}");
            BatchItemsBody items = new BatchItemsBody(List.of(new BatchItemBody("k", "dg==", "text/plain", null, null,
                    null), new BatchItemBody("gone", null, null, "ctx", true, null)));
            String text = json.toJson(items);
            assertThat(text).isEqualTo("{\"items\":[{\"key\":\"k\",\"value\":\"dg==\",\"contentType\":\"text/plain\"},"
                    + "{\"key\":\"gone\",\"context\":\"ctx\",\"delete\":true}]}");
            assertThat(json.fromJson(text, BatchItemsBody.class)).isEqualTo(items);

            BatchItemsBody expiring = new BatchItemsBody(List.of(new BatchItemBody("k", "dg==", null, null, null,
                    300L)));
            String withTtl = json.toJson(expiring);
            assertThat(withTtl).isEqualTo("{\"items\":[{\"key\":\"k\",\"value\":\"dg==\",\"ttl\":300}]}");
            assertThat(json.fromJson(withTtl, BatchItemsBody.class)).isEqualTo(expiring);
        }
    }
}
