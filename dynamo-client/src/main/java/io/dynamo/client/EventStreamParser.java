package io.dynamo.client;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a {@code text/event-stream} line by line (the WHATWG rules the admin stream uses: {@code event:},
 * {@code data:}, {@code retry:}, comments starting with {@code :}, an empty line ends an event).
 */
public final class EventStreamParser {
    private String event = "message";
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private long retryMillis = -1;

    /** Feeds one line (without its end of line); answers the event the line completes, if any. */
    public Optional<ServerSentEvent> line(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> event = value;
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "retry" -> {
                if (value.matches("\\d{1,9}")) {
                    retryMillis = Long.parseLong(value);
                }
            }
            default -> {
                // "id" and unknown fields: the admin stream resends full state on reconnect, so ids are not needed
            }
        }
        return Optional.empty();
    }

    /** The last {@code retry:} the server sent. */
    public OptionalLong retryMillis() {
        return retryMillis < 0 ? OptionalLong.empty() : OptionalLong.of(retryMillis);
    }

    private Optional<ServerSentEvent> dispatch() {
        Optional<ServerSentEvent> result = hasData ? Optional.of(new ServerSentEvent(event, data.toString()))
                : Optional.empty();
        event = "message";
        data.setLength(0);
        hasData = false;
        return result;
    }
}
