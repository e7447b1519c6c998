package io.dynamo.jaxrs.admin;

import io.dynamo.core.base.DynamoException;

/** A request body or field the admin API cannot act on: answered 400 {@code invalid_request}, naming the field. */
public final class InvalidRequestException extends DynamoException {
    public InvalidRequestException(String message) {
        super(message);
    }
}
