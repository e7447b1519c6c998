package io.dynamo.core.base;

/** Root of the failures a node reports to its callers; each subclass is one kind of failure. */
public abstract class DynamoException extends RuntimeException {
    protected DynamoException(String message) {
        super(message);
    }

    protected DynamoException(String message, Throwable cause) {
        super(message, cause);
    }
}
