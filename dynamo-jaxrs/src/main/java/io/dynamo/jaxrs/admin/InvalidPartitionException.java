package io.dynamo.jaxrs.admin;

import io.dynamo.core.base.DynamoException;

/** A partition number that is not an integer from 0 to Q - 1: answered 400 {@code invalid_partition}. */
public final class InvalidPartitionException extends DynamoException {
    public InvalidPartitionException(String message) {
        super(message);
    }
}
