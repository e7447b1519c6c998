package io.dynamo.core.namespace;

import io.dynamo.core.base.DynamoException;

/** A namespace's name or settings are refused; the message says which rule they break. Nothing was changed. */
public final class InvalidNamespaceException extends DynamoException {
    public InvalidNamespaceException(String message) {
        super(message);
    }
}
