package io.dynamo.core.namespace;

import io.dynamo.core.base.DynamoException;

/** The change conflicts with the catalog as it is (a name in use, or used before); nothing was changed. */
public final class NamespaceConflictException extends DynamoException {
    public NamespaceConflictException(String message) {
        super(message);
    }
}
