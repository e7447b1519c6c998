package io.dynamo.jaxrs.kv;

/** A query parameter that cannot be parsed: answered with 400. */
public final class InvalidParameterException extends RuntimeException {
    public InvalidParameterException(String message) {
        super(message);
    }
}
