package io.dynamo.core.version;

import io.dynamo.core.base.DynamoException;

/** A context given by a client cannot be decoded; clients must send back a context exactly as they got it. */
public final class MalformedContextException extends DynamoException {
    public MalformedContextException(String message) {
        super(message);
    }
}
