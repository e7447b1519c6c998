package io.dynamo.core.namespace;

import io.dynamo.core.base.DynamoException;

/** No namespace of that name exists (or it was dropped). */
public final class UnknownNamespaceException extends DynamoException {
    public UnknownNamespaceException(String name) {
        super("namespace '" + name + "' does not exist; GET /dynamo/api/v1/admin/namespaces lists those that do");
    }
}
