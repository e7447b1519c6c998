package io.dynamo.core.base;

/** The key is empty or longer than the configured limit. */
public final class InvalidKeyException extends DynamoException {
    public InvalidKeyException(String message) {
        super(message);
    }
}
