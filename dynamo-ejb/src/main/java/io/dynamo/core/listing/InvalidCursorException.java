package io.dynamo.core.listing;

import io.dynamo.core.base.DynamoException;

/** A listing cursor that this API did not give for this namespace and prefix, or that is damaged (400). */
public final class InvalidCursorException extends DynamoException {
    public InvalidCursorException(String message) {
        super(message);
    }
}
