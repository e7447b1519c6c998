package io.dynamo.core.node;

import io.dynamo.core.base.DynamoException;

/**
 * The node has as many key-value requests in flight as it takes on at once: refused at once (503 with
 * {@code Retry-After}) rather than queued until every request times out. Another replica may serve it.
 */
public final class OverloadedException extends DynamoException {
    public OverloadedException(String message) {
        super(message);
    }
}
