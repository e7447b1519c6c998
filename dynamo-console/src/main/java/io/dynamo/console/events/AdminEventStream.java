package io.dynamo.console.events;

import io.dynamo.console.service.ClusterException;
import io.dynamo.console.service.Credentials;
import io.dynamo.console.service.HttpAnswers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One {@code GET admin/events} stream, kept open on a thread of its own. When it breaks it tells {@code failed}
 * (which may pick another node) and reconnects after the server's {@code retry:} delay; the node sends its full
 * state on every connect, so nothing is lost. A stream silent for longer than {@code idleLimit} (the node sends
 * a keep-alive every 15 s) counts as broken: a frozen node keeps its socket open but says nothing.
 */
public final class AdminEventStream implements AutoCloseable {
    private static final Duration HEADERS_LIMIT = Duration.ofSeconds(10);
    private final HttpClient http;
    private final Credentials credentials;
    private final Supplier<URI> target;
    private final Consumer<URI> failed;
    private final Consumer<ServerSentEvent> events;
    private final Consumer<ConnectionStatus> status;
    private final Duration idleLimit;
    private final Thread thread;
    private volatile long retryMillis;
    private volatile boolean closed;
    private volatile InputStream open;
    private volatile long lastLineNanos;

    public AdminEventStream(HttpClient http, Credentials credentials, Supplier<URI> target, Consumer<URI> failed,
            Consumer<ServerSentEvent> events, Consumer<ConnectionStatus> status, Duration retry, Duration idleLimit) {
        this.http = http;
        this.credentials = credentials;
        this.target = target;
        this.failed = failed;
        this.events = events;
        this.status = status;
        this.retryMillis = retry.toMillis();
        this.idleLimit = idleLimit;
        this.thread = new Thread(this::run, "dynamo-events");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        boolean first = true;
        while (!closed) {
            URI node = target.get();
            status.accept(new ConnectionStatus(first ? ConnectionState.CONNECTING : ConnectionState.RECONNECTING,
                    node, "opening the event stream of " + node.getAuthority()));
            first = false;
            String why;
            try {
                why = follow(node);
            } catch (ClusterException e) {
                if (e.unauthorized()) {
                    status.accept(new ConnectionStatus(ConnectionState.REFUSED, node, e.getMessage()));
                    return;
                }
                why = e.getMessage();
            } catch (IOException e) {
                why = ClusterException.unreachable(node, e).getMessage();
            } catch (InterruptedException e) {
                break;
            }
            if (closed) {
                break;
            }
            failed.accept(node);
            URI next = target.get();
            status.accept(new ConnectionStatus(ConnectionState.RECONNECTING, node,
                    why + (next.equals(node) ? "" : " Switching to " + next.getAuthority() + ".")));
            if (!pause()) {
                break;
            }
        }
        status.accept(new ConnectionStatus(ConnectionState.STOPPED, target.get(), "stopped"));
    }

    /** Reads the stream until it ends; answers why it ended. */
    private String follow(URI node) throws IOException, InterruptedException {
        // the timeout covers the wait for the headers: a frozen node accepts the connection but never answers
        HttpRequest request = HttpRequest.newBuilder(node.resolve("admin/events")).timeout(headersLimit())
                .header("Accept", "text/event-stream").header("Authorization", credentials.authorization()).GET()
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                String text = new String(body.readNBytes(16_384), StandardCharsets.UTF_8);
                HttpAnswers.check(node, response.statusCode(), text);
            }
            open = body;
            lastLineNanos = System.nanoTime();
            status.accept(new ConnectionStatus(ConnectionState.CONNECTED, node, "live"));
            EventStreamParser parser = new EventStreamParser();
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String line;
            while (!closed && (line = reader.readLine()) != null) {
                lastLineNanos = System.nanoTime();
                Optional<ServerSentEvent> event = parser.line(line);
                parser.retryMillis().ifPresent(millis -> retryMillis = millis);
                event.ifPresent(events);
            }
            return "The event stream of " + node.getAuthority() + " ended.";
        } finally {
            open = null;
        }
    }

    private Duration headersLimit() {
        return idleLimit.compareTo(HEADERS_LIMIT) < 0 ? idleLimit : HEADERS_LIMIT;
    }

    /** Closes a stream that has been silent too long, so that {@link #follow} ends and the stream reconnects. */
    public boolean closeIfIdle() {
        InputStream body = open;
        if (body == null || System.nanoTime() - lastLineNanos < idleLimit.toNanos()) {
            return false;
        }
        closeQuietly(body);
        return true;
    }

    private boolean pause() {
        try {
            Thread.sleep(retryMillis);
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        InputStream body = open;
        if (body != null) {
            closeQuietly(body);
        }
        thread.interrupt();
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing is all that is wanted; the reading thread sees the end
        }
    }
}
