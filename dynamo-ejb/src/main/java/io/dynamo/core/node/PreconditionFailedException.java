package io.dynamo.core.node;

import io.dynamo.core.base.DynamoException;

/** A conditional put or delete whose condition the key's current versions, read at the coordinator, do not meet. */
public final class PreconditionFailedException extends DynamoException {
    public PreconditionFailedException(String message) {
        super(message);
    }
}
