package io.dynamo.core.base;

/** A requested R or W is outside 1..N. */
public final class InvalidQuorumException extends DynamoException {
    public InvalidQuorumException(String message) {
        super(message);
    }
}
