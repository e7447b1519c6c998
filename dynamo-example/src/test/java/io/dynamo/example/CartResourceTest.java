package io.dynamo.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.client.DynamoClientException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

/** Each failure of a store call becomes the example's own status and JSON error, never a 500. */
class CartResourceTest {
    private static final URI NODE = URI.create("http://127.0.0.1:8080/dynamo/api/v1/");

    @Test
    void faultToleranceFailuresAreATimeoutAndABusyAnswer() {
        assertAnswer(CartResource.failure(new TimeoutException("2000 ms")), 504, "store_timeout");
        assertAnswer(CartResource.failure(new CompletionException(new TimeoutException("2000 ms"))), 504,
                "store_timeout");
        assertAnswer(CartResource.failure(new java.util.concurrent.ExecutionException(new TimeoutException())), 504,
                "store_timeout");
        assertAnswer(CartResource.failure(new BulkheadException("full")), 503, "busy");
    }

    @Test
    void storeErrorsAreTheirOwnAnswers() {
        assertAnswer(CartResource.failure(error(412, "precondition_failed")), 412, "cart_changed");
        assertAnswer(CartResource.failure(error(503, "insufficient_replicas")), 503, "store_error");
        assertAnswer(CartResource.failure(new CompletionException(error(409, "too_many_siblings"))), 502,
                "store_error");
        assertAnswer(CartResource.failure(error(0, DynamoClientException.UNREACHABLE)), 502, "store_error");
    }

    @Test
    void refusedArgumentsAre400AndAnythingElseNot500() {
        assertAnswer(CartResource.failure(new IllegalArgumentException("bad key")), 400, "invalid_input");
        assertAnswer(CartResource.failure(new IllegalStateException("odd")), 502, "store_error");
    }

    private static DynamoClientException error(int status, String code) {
        return DynamoClientException.answered(status, code, "detail", NODE, List.of(NODE));
    }

    private static void assertAnswer(Response answer, int status, String error) {
        assertThat(answer.getStatus()).isEqualTo(status);
        assertThat(answer.getMediaType().toString()).isEqualTo("application/json");
        assertThat((String) answer.getEntity()).contains("\"error\":\"" + error + "\"");
    }
}
