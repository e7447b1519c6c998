package io.dynamo.core.peer;

import io.dynamo.core.transport.Message;

/** Liveness probe. Reply: {@link Ack}. */
public record Ping() implements Message {
}
