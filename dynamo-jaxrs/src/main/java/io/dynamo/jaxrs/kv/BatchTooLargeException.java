package io.dynamo.jaxrs.kv;

import io.dynamo.core.base.DynamoException;

/** A batch of more keys than it may have, or a body over the batch's byte limit; 413 {@code batch_too_large}. */
public final class BatchTooLargeException extends DynamoException {
    public BatchTooLargeException(String message) {
        super(message);
    }
}
