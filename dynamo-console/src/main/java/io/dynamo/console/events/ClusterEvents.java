package io.dynamo.console.events;

import io.dynamo.console.service.Credentials;
import io.dynamo.console.service.Json;
import io.dynamo.console.service.NodeDirectory;
import io.dynamo.api.AdminEvents;
import io.dynamo.api.HintsBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.RingBody;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The console's live view of the cluster. The main stream follows the current node of the {@link NodeDirectory}
 * (moving on when it fails) for the ring and the nodes' health. Hint queues are each node's own, so one more stream
 * per node that announced an address brings its hints; those reconnect to their own node only.
 */
public final class ClusterEvents implements AutoCloseable {
    private static final Duration IDLE_LIMIT = Duration.ofSeconds(40);
    private final HttpClient http;
    private final Credentials credentials;
    private final NodeDirectory directory;
    private final ClusterEventListener listener;
    private final Duration retry;
    private final Duration idleLimit;
    private final Map<URI, AdminEventStream> holders = new ConcurrentHashMap<>();
    private final Map<URI, String> holderNames = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dynamo-events-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private volatile AdminEventStream main;
    private volatile boolean closed;

    public ClusterEvents(HttpClient http, Credentials credentials, NodeDirectory directory,
            ClusterEventListener listener, Duration retry) {
        this(http, credentials, directory, listener, retry, IDLE_LIMIT);
    }

    public ClusterEvents(HttpClient http, Credentials credentials, NodeDirectory directory,
            ClusterEventListener listener, Duration retry, Duration idleLimit) {
        this.http = http;
        this.credentials = credentials;
        this.directory = directory;
        this.listener = listener;
        this.retry = retry;
        this.idleLimit = idleLimit;
    }

    public void start() {
        main = new AdminEventStream(http, credentials, directory::current, directory::failed, this::mainEvent,
                listener::connection, retry, idleLimit);
        main.start();
        long check = Math.max(50, idleLimit.toMillis() / 4);
        watchdog.scheduleWithFixedDelay(this::closeIdle, check, check, TimeUnit.MILLISECONDS);
    }

    private void closeIdle() {
        main.closeIfIdle();
        holders.values().forEach(AdminEventStream::closeIfIdle);
    }

    private void mainEvent(ServerSentEvent event) {
        switch (event.event()) {
            case AdminEvents.RING -> listener.ring(Json.read(event.data(), RingBody.class));
            case AdminEvents.HEALTH -> {
                NodesBody nodes = Json.read(event.data(), NodesBody.class);
                directory.learn(nodes);
                listener.health(nodes);
                followHints(directory.all());
            }
            default -> {
                // hints come from each node's own stream
            }
        }
    }

    private void followHints(List<URI> nodes) {
        for (URI node : nodes) {
            if (closed) {
                return;
            }
            holders.computeIfAbsent(node, uri -> {
                AdminEventStream stream = new AdminEventStream(http, credentials, () -> uri, failed -> { },
                        event -> holderEvent(uri, event), status -> holderStatus(uri, status), retry, idleLimit);
                stream.start();
                return stream;
            });
        }
    }

    private void holderEvent(URI node, ServerSentEvent event) {
        if (AdminEvents.HINTS.equals(event.event())) {
            HintsBody hints = Json.read(event.data(), HintsBody.class);
            holderNames.put(node, hints.answeredBy());
            listener.hints(hints);
        }
    }

    private void holderStatus(URI node, ConnectionStatus status) {
        String name = holderNames.get(node);
        if (name != null && status.state() == ConnectionState.RECONNECTING && !closed) {
            listener.hintsUnavailable(name);
        }
    }

    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        if (main != null) {
            main.close();
        }
        holders.values().forEach(AdminEventStream::close);
    }
}
