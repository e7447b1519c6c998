package io.dynamo.jaxrs.admin;

import io.dynamo.api.AdminEvents;
import io.dynamo.api.MetricsBody;
import io.dynamo.core.node.NodeView;
import io.dynamo.jaxrs.metrics.RequestTimers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Feeds the {@code /admin/events} subscribers. A new subscriber gets the current ring, health and hints at once;
 * then, once a second on the container's managed scheduler, the node's state is compared with what was last
 * reported and each event whose state changed goes to every subscriber. Polling costs a few map copies and keeps
 * the core free of listeners for the REST layer. A comment line every 15 s keeps proxies from closing an idle
 * stream and finds clients that went away: a subscriber whose send fails, or whose stream is closed, is dropped.
 */
@ApplicationScoped
public class AdminEventPublisher {
    static final long POLL_MILLIS = 1000;
    static final long HEARTBEAT_MILLIS = 15_000;
    /** How often the request counters go out, changed or not: the console's charts need their points. */
    static final long METRICS_MILLIS = 5000;
    /** Sent with the first events: how long an EventSource waits before reconnecting. */
    static final long RECONNECT_MILLIS = 3000;
    private static final Logger LOG = Logger.getLogger(AdminEventPublisher.class.getName());

    @Inject
    NodeView node;

    @Inject
    RequestTimers timers;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    private final List<SseEventSink> sinks = new ArrayList<>();
    private final EventChanges changes = new EventChanges();
    private Jsonb json;
    private Sse sse;
    private ScheduledFuture<?> poller;
    private long lastHeartbeat;
    private long lastMetrics;

    @PostConstruct
    void open() {
        json = JsonbBuilder.create();
    }

    /** Sends the current state to the new subscriber and keeps it for the changes to come. */
    synchronized void subscribe(SseEventSink sink, Sse events) {
        if (sse == null) {
            sse = events;
            lastHeartbeat = System.currentTimeMillis();
            poller = executor.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
        AdminSnapshot now = AdminSnapshot.of(node, System.currentTimeMillis());
        if (sinks.isEmpty()) {
            changes.forget();
            changes.remember(now);
        }
        boolean open = true;
        for (Map.Entry<String, Object> e : now.bodies().entrySet()) {
            open = open && send(sink, event(e.getKey(), e.getValue()).reconnectDelay(RECONNECT_MILLIS).build());
        }
        open = open && send(sink, metricsEvent(System.currentTimeMillis()));
        if (open) {
            sinks.add(sink);
        }
    }

    private synchronized void poll() {
        try {
            sinks.removeIf(SseEventSink::isClosed);
            if (sinks.isEmpty()) {
                return;
            }
            long now = System.currentTimeMillis();
            AdminSnapshot snapshot = AdminSnapshot.of(node, now);
            Map<String, Object> bodies = snapshot.bodies();
            for (String event : changes.changed(snapshot)) {
                broadcast(event(event, bodies.get(event)).build());
            }
            if (now - lastMetrics >= METRICS_MILLIS) {
                lastMetrics = now;
                broadcast(metricsEvent(now));
            }
            if (now - lastHeartbeat >= HEARTBEAT_MILLIS) {
                lastHeartbeat = now;
                broadcast(sse.newEventBuilder().comment("keep-alive").build());
            }
        } catch (RuntimeException e) {
            // A failing poll must not end the periodic task: the next one may well succeed (the node restarting).
            LOG.log(Level.WARNING, "admin events: polling the node failed", e);
        }
    }

    private OutboundSseEvent metricsEvent(long now) {
        return event(AdminEvents.METRICS, new MetricsBody(node.id(), now, timers.operations())).build();
    }

    private OutboundSseEvent.Builder event(String name, Object body) {
        // Serialised here, so the data goes out as the text it is; the SSE wire format carries no media type.
        return sse.newEventBuilder().name(name).data(json.toJson(body));
    }

    private void broadcast(OutboundSseEvent event) {
        sinks.removeIf(sink -> !send(sink, event));
    }

    /** @return false when the subscriber is gone; it is closed then, and the caller forgets it */
    private static boolean send(SseEventSink sink, OutboundSseEvent event) {
        if (sink.isClosed()) {
            return false;
        }
        try {
            // A write that fails later closes the sink (without this object's lock: the completion may run on a
            // container thread); the next poll removes closed sinks.
            sink.send(event).whenComplete((sent, failure) -> {
                if (failure != null) {
                    closeQuietly(sink);
                }
            });
            return true;
        } catch (RuntimeException e) {
            closeQuietly(sink);
            return false;
        }
    }

    private static void closeQuietly(SseEventSink sink) {
        try {
            sink.close();
        } catch (RuntimeException e) {
            // already closed by the client's going away
        }
    }

    @PreDestroy
    synchronized void close() {
        if (poller != null) {
            poller.cancel(false);
        }
        sinks.forEach(AdminEventPublisher::closeQuietly);
        sinks.clear();
        try {
            json.close();
        } catch (Exception e) {
            // only caches are held
        }
    }
}
