package io.dynamo.console.service;

import io.dynamo.api.ErrorBody;
import java.net.URI;

/** Turns an error status and the API's JSON error into a {@link ClusterException}. */
public final class HttpAnswers {
    private HttpAnswers() {
    }

    /** Throws for a status of 400 or more, with the API's {@code error} and {@code detail} when the body has them. */
    public static void check(URI node, int status, String body) {
        if (status < 400) {
            return;
        }
        try {
            ErrorBody error = Json.read(body, ErrorBody.class);
            if (error.error() != null) {
                throw new ClusterException(node, status, error.error(), error.detail());
            }
        } catch (IllegalArgumentException notJson) {
            // not the API's error shape: report the status and what came back
        }
        throw new ClusterException(node, status, "http_" + status, body);
    }
}
