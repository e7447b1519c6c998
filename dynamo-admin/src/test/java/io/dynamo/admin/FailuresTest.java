package io.dynamo.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.client.DynamoClientException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the cluster answers becomes an exit code and a message naming the node and what to do next. */
class FailuresTest {
    private static final URI NODE = URI.create("http://10.0.0.7:8081/dynamo/api/v1/");

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "401 | unauthorized          | 4 | 10.0.0.7:8081 refused the credentials (401 unauthorized: wrong password) | DYNAMO_ADMIN_PASSWORD",
        "403 | forbidden             | 4 | 10.0.0.7:8081 does not allow this (403 forbidden: wrong password)        | not the client user",
        "409 | stale_plan            | 1 | 10.0.0.7:8081: the ring changed since the plan was made (409 stale_plan   | run the command again",
        "400 | invalid_request       | 1 | 10.0.0.7:8081 refused the request (400 invalid_request: wrong password).   | ''",
        "409 | exchange_not_possible | 1 | 10.0.0.7:8081 refused the request (409 exchange_not_possible             | ''",
        "503 | ring_unknown          | 3 | 10.0.0.7:8081 could not serve the request (503 ring_unknown              | another node with --node",
        "500 | internal_error        | 3 | 10.0.0.7:8081 could not serve the request (500 internal_error            | Try again",
    })
    void anErrorAnswer(int status, String error, int exitCode, String message, String advice) {
        CliFailure failure = Failures.of(DynamoClientException.answered(status, error, "wrong password", NODE,
                List.of(NODE)));

        assertThat(failure.exitCode()).isEqualTo(exitCode);
        assertThat(failure.getMessage()).startsWith(message).contains(advice);
        assertThat(failure.getMessage().lines().count()).isLessThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "409 | stale_plan          | the plan was made from namespace catalog v3 but node n1 has catalog v4 | 10.0.0.7:8081: the namespaces changed since the plan was made (409 stale_plan",
        "400 | invalid_namespace   | n is 2 but the cluster has 1 node                                       | 10.0.0.7:8081 refused the request (400 invalid_namespace: n is 2",
        "404 | namespace_not_found | namespace carts does not exist                                          | 10.0.0.7:8081 refused the request (404 namespace_not_found",
        "409 | namespace_conflict  | namespace carts exists already                                          | 10.0.0.7:8081 refused the request (409 namespace_conflict",
    })
    void aNamespacePlanRefusedIsExitCode1WithTheNodesDetail(int status, String error, String detail, String message) {
        CliFailure failure = Failures.of(DynamoClientException.answered(status, error, detail, NODE, List.of(NODE)));

        assertThat(failure.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(failure.getMessage()).startsWith(message).contains(detail);
    }
}
