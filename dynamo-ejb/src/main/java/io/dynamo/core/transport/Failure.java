package io.dynamo.core.transport;

/** A request failed at the receiver; {@code kind} says how, so the sender can raise the same failure. */
public record Failure(Kind kind, String message, int required, int answered) implements Message {
    public enum Kind { INSUFFICIENT_REPLICAS, STORAGE, INVALID_REQUEST, NOT_READY, TOO_MANY_SIBLINGS,
        MALFORMED_CONTEXT }
}
