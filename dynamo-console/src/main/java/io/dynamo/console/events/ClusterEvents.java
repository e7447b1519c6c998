package io.dynamo.console.events;

import io.dynamo.api.AdminEvents;
import io.dynamo.api.HintsBody;
import io.dynamo.api.MetricsBody;
import io.dynamo.api.TransfersBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.RingBody;
import io.dynamo.client.ConnectionState;
import io.dynamo.client.ConnectionStatus;
import io.dynamo.client.DynamoClient;
import io.dynamo.client.DynamoClientException;
import io.dynamo.client.EventStream;
import io.dynamo.client.ServerSentEvent;
import io.dynamo.console.service.Failures;
import io.dynamo.console.service.Json;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The console's live view of the cluster. The main stream follows the cluster through the client (moving on to
 * another node when its node fails) for the ring and the nodes' health. Hint queues, transfers, each node's view of
 * the others and its request counters are each node's own, so one more stream per node the client knows brings
 * them; those reconnect to their own node only.
 */
public final class ClusterEvents implements AutoCloseable {
    private static final Duration IDLE_LIMIT = Duration.ofSeconds(40);
    private final DynamoClient client;
    private final ClusterEventListener listener;
    private final Duration retry;
    private final Duration idleLimit;
    private final Map<URI, EventStream> holders = new ConcurrentHashMap<>();
    private final Map<URI, String> holderNames = new ConcurrentHashMap<>();
    private volatile EventStream main;
    private volatile boolean closed;

    public ClusterEvents(DynamoClient client, ClusterEventListener listener, Duration retry) {
        this(client, listener, retry, IDLE_LIMIT);
    }

    public ClusterEvents(DynamoClient client, ClusterEventListener listener, Duration retry, Duration idleLimit) {
        this.client = client;
        this.listener = listener;
        this.retry = retry;
        this.idleLimit = idleLimit;
    }

    public void start() {
        main = client.events(retry, idleLimit, new Reporting(this::mainEvent, listener::connection));
    }

    private void mainEvent(ServerSentEvent event) {
        switch (event.event()) {
            case AdminEvents.RING -> listener.ring(Json.read(event.data(), RingBody.class));
            case AdminEvents.HEALTH -> {
                NodesBody nodes = Json.read(event.data(), NodesBody.class);
                listener.health(nodes);
                // the client learns the nodes' addresses from the cluster; a health change may have added one
                refreshRing();
                followHints();
            }
            default -> {
                // hints, transfers, views of the others and counters come from each node's own stream
            }
        }
    }

    private void refreshRing() {
        try {
            client.refreshRing();
        } catch (IllegalStateException e) {
            // The console closed its client while this event was handled; anything else is a fault to report.
            if (!closed) {
                throw e;
            }
        }
    }

    private void followHints() {
        for (URI node : client.knownNodes()) {
            if (closed) {
                return;
            }
            holders.computeIfAbsent(node, uri -> client.events(uri, retry, idleLimit,
                    new Reporting(event -> holderEvent(uri, event), status -> holderStatus(uri, status))));
        }
    }

    private void holderEvent(URI node, ServerSentEvent event) {
        switch (event.event()) {
            case AdminEvents.HINTS -> {
                HintsBody hints = Json.read(event.data(), HintsBody.class);
                holderNames.put(node, hints.answeredBy());
                listener.hints(hints);
            }
            case AdminEvents.TRANSFERS -> {
                TransfersBody transfers = Json.read(event.data(), TransfersBody.class);
                holderNames.put(node, transfers.answeredBy());
                listener.transfers(transfers);
            }
            case AdminEvents.HEALTH -> {
                NodesBody nodes = Json.read(event.data(), NodesBody.class);
                holderNames.put(node, nodes.answeredBy());
                listener.observed(nodes);
            }
            case AdminEvents.METRICS -> {
                MetricsBody metrics = Json.read(event.data(), MetricsBody.class);
                holderNames.put(node, metrics.answeredBy());
                listener.metrics(metrics);
            }
            default -> {
                // the ring comes from the main stream
            }
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
        if (main != null) {
            main.close();
        }
        holders.values().forEach(EventStream::close);
    }

    /** A stream's events and statuses, its failures in the operator's words. */
    private record Reporting(Consumer<ServerSentEvent> events, Consumer<ConnectionStatus> statuses)
            implements EventStream.Listener {
        @Override
        public void event(ServerSentEvent event) {
            events.accept(event);
        }

        @Override
        public void status(ConnectionStatus status) {
            statuses.accept(status);
        }

        @Override
        public String explain(DynamoClientException failure) {
            return Failures.explain(failure);
        }
    }
}
