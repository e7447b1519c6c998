package io.dynamo.jaxrs.metrics;

import io.dynamo.core.node.NodeView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Each peer's request latency as this node measured it, from call to reply ({@code dynamo_peer_latency_millis_*
 * {peer="..."}}), and the calls it missed ({@code dynamo_peer_missed{peer="..."}}). A peer's gauges are added when
 * this node first calls it.
 */
@ApplicationScoped
public class PeerMetrics {
    private static final Metadata MISSED = Metadata.builder().withName("dynamo.peer.missed")
            .withDescription("calls to the peer that failed or timed out").build();

    @Inject
    NodeView node;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        node.onPeerMeasured(this::add);
        node.peerLatencies().keySet().forEach(this::add);
    }

    private void add(String peer) {
        if (!registered.add(peer)) {
            return;
        }
        Tag tag = new Tag("peer", peer);
        new BucketGauges(registry, "dynamo.peer.latency.millis", "milliseconds from a call to the peer to its reply",
                1000).register(() -> node.peerLatency(peer).latencyMicros(), tag);
        registry.gauge(MISSED, node, n -> n.peerLatency(peer).missed(), tag);
    }
}
