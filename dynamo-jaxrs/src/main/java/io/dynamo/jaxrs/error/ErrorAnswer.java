package io.dynamo.jaxrs.error;

import io.dynamo.api.ErrorBody;
import io.dynamo.api.ErrorCode;

/**
 * A failed request's answer: its code (and so its status) and what to tell the client. Every 503 says Retry-After:
 * a second is long enough for a node to take requests again, or for a ring or a replica to come back, and short
 * enough that a client following it loses little.
 */
public record ErrorAnswer(ErrorCode code, String detail) {
    public static final String RETRY_AFTER_SECONDS = "1";

    public int status() {
        return code.status();
    }

    public ErrorBody body() {
        return code.body(detail);
    }

    /** The Retry-After header's value, or null when the answer has none. */
    public String retryAfter() {
        return code.status() == 503 ? RETRY_AFTER_SECONDS : null;
    }
}
