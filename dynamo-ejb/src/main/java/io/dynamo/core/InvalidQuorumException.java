package io.dynamo.core;

/** A requested R or W is outside 1..N. */
public final class InvalidQuorumException extends DynamoException {
    public InvalidQuorumException(String message) {
        super(message);
    }
}
