package io.dynamo.core.coordination;

import io.dynamo.core.base.DynamoException;

/** A peer refused a forwarded request for a reason other than quorum or storage. */
public final class RemoteRequestException extends DynamoException {
    public RemoteRequestException(String message) {
        super(message);
    }
}
