package io.dynamo.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamParserTest {
    private final EventStreamParser parser = new EventStreamParser();

    private List<ServerSentEvent> feed(String text) {
        List<ServerSentEvent> events = new ArrayList<>();
        text.lines().forEach(line -> parser.line(line).ifPresent(events::add));
        parser.line("").ifPresent(events::add);
        return events;
    }

    @Test
    void readsTheRecordedStreamOfANode() {
        List<ServerSentEvent> events = feed(recorded("events-node1.txt"));

        assertThat(events).extracting(ServerSentEvent::event).containsExactly("ring", "health", "hints");
        assertThat(events.get(0).data()).startsWith("{\"answeredBy\":\"node1\",\"version\":3");
        assertThat(parser.retryMillis()).hasValue(3000);
    }

    @Test
    void skipsCommentsAndJoinsDataLines() {
        List<ServerSentEvent> events = feed(": keep-alive\n\nevent: ring\ndata: {\"a\":\ndata:1}\nid: 7\n\n");

        assertThat(events).containsExactly(new ServerSentEvent("ring", "{\"a\":\n1}"));
    }

    @Test
    void anEventWithoutDataIsNotDispatchedAndTheNameResets() {
        List<ServerSentEvent> events = feed("event: ring\n\ndata: x\n\n");

        assertThat(events).containsExactly(new ServerSentEvent("message", "x"));
        assertThat(parser.retryMillis()).isEmpty();
    }

    @Test
    void ignoresAnInvalidRetry() {
        feed("retry: soon\ndata: x\n\n");

        assertThat(parser.retryMillis()).isEmpty();
    }

    /** A stream recorded from a node of a local three-node cluster, in src/test/resources/recorded. */
    private static String recorded(String name) {
        try (InputStream in = EventStreamParserTest.class.getResourceAsStream("/recorded/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
