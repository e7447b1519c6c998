package io.dynamo.core.antientropy;

import io.dynamo.core.base.DynamoException;

/** An exchange could not be carried out: the peer refused or answered something unexpected. */
public final class AntiEntropyException extends DynamoException {
    public AntiEntropyException(String message) {
        super(message);
    }
}
