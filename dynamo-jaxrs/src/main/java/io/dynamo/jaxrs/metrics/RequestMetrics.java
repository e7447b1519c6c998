package io.dynamo.jaxrs.metrics;

import io.dynamo.core.node.NodeView;
import io.dynamo.core.stats.RequestStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * What the answered key-value requests looked like: live siblings per read ({@code dynamo_read_siblings_*}), bytes
 * per value written ({@code dynamo_value_bytes_*}) and requests out of time by operation ({@code dynamo_timeouts}).
 */
@ApplicationScoped
public class RequestMetrics {
    @Inject
    NodeView node;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        new BucketGauges(registry, "dynamo.read.siblings", "live siblings of each read this node answered", 1)
                .register(() -> node.requests().siblingsPerRead());
        new BucketGauges(registry, "dynamo.value.bytes", "bytes of each value written through this node", 1)
                .register(() -> node.requests().valueBytes());
        Metadata timeouts = Metadata.builder().withName("dynamo.timeouts").withDescription("requests answered 503"
                + " because no quorum answered within the node's time limit, by operation").build();
        for (String operation : node.requests().timeouts().keySet()) {
            registry.gauge(timeouts, node, n -> timeouts(n.requests(), operation), new Tag("operation", operation));
        }
    }

    private static long timeouts(RequestStats.Snapshot requests, String operation) {
        return requests.timeouts().getOrDefault(operation, 0L);
    }
}
