package io.dynamo.jaxrs.kv;

import io.dynamo.core.base.DynamoException;

/** A batch body that is not the JSON the batch takes (empty, malformed, wrong types, a key twice); 400. */
public final class InvalidBatchException extends DynamoException {
    public InvalidBatchException(String message) {
        super(message);
    }
}
