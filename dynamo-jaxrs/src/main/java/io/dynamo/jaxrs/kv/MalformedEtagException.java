package io.dynamo.jaxrs.kv;

import io.dynamo.core.base.DynamoException;

/** An If-Match or If-None-Match header that names no ETag this API issues; answered 400 {@code malformed_etag}. */
public final class MalformedEtagException extends DynamoException {
    public MalformedEtagException(String message) {
        super(message);
    }
}
