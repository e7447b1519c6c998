package io.dynamo.client;

/** One event of a {@code text/event-stream}: its name and its data lines joined with newlines. */
public record ServerSentEvent(String event, String data) {
}
