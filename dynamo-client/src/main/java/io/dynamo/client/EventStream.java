package io.dynamo.client;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One {@code GET admin/events} stream, kept open on a thread of its own. When it breaks it tells {@code failed}
 * (which may pick another node) and reconnects after the server's {@code retry:} delay; the node sends its full
 * state on every connect, so nothing is lost. The idle watchdog is the stream's read timeout: a stream silent for
 * longer than the idle limit (the node sends a keep-alive every 15 s) counts as broken, for a frozen node keeps its
 * socket open but says nothing. Made by {@link DynamoClient#events}.
 */
public final class EventStream implements AutoCloseable {
    private static final Duration HEADERS_LIMIT = Duration.ofSeconds(10);
    private final Client http;
    private final Supplier<URI> target;
    private final Consumer<URI> failed;
    private final Listener listener;
    private final Duration headersLimit;
    private final Thread thread;
    private volatile long retryMillis;
    private volatile boolean closed;
    private volatile InputStream open;

    /** What a stream reports, on the stream's own thread. */
    public interface Listener {
        void event(ServerSentEvent event);

        void status(ConnectionStatus status);

        /** The words a status gives for a failure; the exception's message unless the listener knows better. */
        default String explain(DynamoClientException failure) {
            return failure.getMessage();
        }
    }

    /** @param http a client whose read timeout is the idle limit; the stream closes it when it ends */
    EventStream(Client http, Supplier<URI> target, Consumer<URI> failed, Listener listener, Duration retry,
                Duration idleLimit) {
        this.http = http;
        this.target = target;
        this.failed = failed;
        this.listener = listener;
        this.retryMillis = retry.toMillis();
        this.headersLimit = idleLimit.compareTo(HEADERS_LIMIT) < 0 ? idleLimit : HEADERS_LIMIT;
        this.thread = new Thread(this::run, "dynamo-events");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            follow();
        } finally {
            http.close();
        }
    }

    private void follow() {
        URI node = target.get();
        listener.status(new ConnectionStatus(ConnectionState.CONNECTING, node,
                "opening the event stream of " + node.getAuthority()));
        while (!closed) {
            String why;
            try {
                why = read(node);
            } catch (DynamoClientException e) {
                if (e.status() == 401 || e.status() == 403) {
                    listener.status(new ConnectionStatus(ConnectionState.REFUSED, node, listener.explain(e)));
                    return;
                }
                why = listener.explain(e);
            } catch (IOException | ProcessingException e) {
                why = listener.explain(DynamoClientException.unreachable("GET admin/events", List.of(node), e));
            } catch (InterruptedException e) {
                break;
            }
            if (closed) {
                break;
            }
            failed.accept(node);
            URI next = target.get();
            listener.status(new ConnectionStatus(ConnectionState.RECONNECTING, node,
                    why + (next.equals(node) ? "" : " Switching to " + next.getAuthority() + ".")));
            if (!pause()) {
                break;
            }
            node = next;
            listener.status(new ConnectionStatus(ConnectionState.RECONNECTING, node,
                    "opening the event stream of " + node.getAuthority()));
        }
        listener.status(new ConnectionStatus(ConnectionState.STOPPED, node, "stopped"));
    }

    /** Reads the stream until it ends; answers why it ended. */
    private String read(URI node) throws IOException, InterruptedException {
        try (Response response = headers(node)) {
            if (response.getStatus() != 200) {
                throw Answers.error(response, node, List.of(node));
            }
            try (InputStream body = response.readEntity(InputStream.class)) {
                open = body;
                listener.status(new ConnectionStatus(ConnectionState.CONNECTED, node, "live"));
                EventStreamParser parser = new EventStreamParser();
                BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
                String line;
                while (!closed && (line = reader.readLine()) != null) {
                    Optional<ServerSentEvent> event = parser.line(line);
                    parser.retryMillis().ifPresent(millis -> retryMillis = millis);
                    event.ifPresent(listener::event);
                }
                return "The event stream of " + node.getAuthority() + " ended.";
            } finally {
                open = null;
            }
        }
    }

    /** The answer's status and headers, waited for at most the headers limit: a frozen node never sends them. */
    private Response headers(URI node) throws IOException, InterruptedException {
        Future<Response> pending = http.target(node.resolve("admin/events")).request("text/event-stream")
                .async().get();
        try {
            return pending.get(headersLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new IOException("no answer within " + headersLimit.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProcessingException p) {
                throw p;
            }
            throw new IOException(e.getCause());
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(retryMillis);
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Ends the stream without waiting for it: the reading thread stops at its next line or timeout. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        InputStream body = open;
        if (body != null) {
            // A blocked read holds the stream's lock, so close from a thread of its own rather than the caller's.
            Thread closer = new Thread(() -> closeQuietly(body), "dynamo-events-close");
            closer.setDaemon(true);
            closer.start();
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing is all that is wanted; the reading thread sees the end
        }
    }
}
