package io.dynamo.core.base;

/** The value is larger than the configured limit. */
public final class ValueTooLargeException extends DynamoException {
    public ValueTooLargeException(String message) {
        super(message);
    }
}
