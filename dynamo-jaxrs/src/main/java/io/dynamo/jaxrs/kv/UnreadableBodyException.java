package io.dynamo.jaxrs.kv;

import io.dynamo.core.base.DynamoException;

/**
 * The request body could not be read to its end: the client stopped sending (the listener's read timed out), closed
 * the connection, or broke the chunked framing. The client's fault, answered 400 {@code invalid_body}.
 */
public final class UnreadableBodyException extends DynamoException {
    public UnreadableBodyException(String message) {
        super(message);
    }
}
