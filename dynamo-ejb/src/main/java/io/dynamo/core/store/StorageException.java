package io.dynamo.core.store;

import io.dynamo.core.base.DynamoException;

/** The local store failed to read or write; the message names the store and the cause. */
public final class StorageException extends DynamoException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
