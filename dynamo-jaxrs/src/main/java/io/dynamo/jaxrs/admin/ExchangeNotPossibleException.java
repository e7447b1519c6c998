package io.dynamo.jaxrs.admin;

import io.dynamo.core.base.DynamoException;

/**
 * An anti-entropy exchange this node cannot run for the partition: it is not one of the partition's replicas, or
 * the partition has no other replica to compare with. Answered 409 {@code exchange_not_possible}; retrying the
 * same request on the same node cannot succeed until the ring changes.
 */
public final class ExchangeNotPossibleException extends DynamoException {
    public ExchangeNotPossibleException(String message) {
        super(message);
    }
}
