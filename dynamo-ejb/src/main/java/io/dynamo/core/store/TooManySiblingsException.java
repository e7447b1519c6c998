package io.dynamo.core.store;

import io.dynamo.core.base.DynamoException;

/** A write refused because it would leave a key with more siblings than the node's limit. */
public final class TooManySiblingsException extends DynamoException {
    public TooManySiblingsException(String message) {
        super(message);
    }
}
