package io.dynamo.core.transport;

/** Done. */
public record Ack() implements Message {
}
