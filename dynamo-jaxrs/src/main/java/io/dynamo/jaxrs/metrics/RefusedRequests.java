package io.dynamo.jaxrs.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The requests the node refused because the cluster could not serve them (502 and 503: too few replicas answered, a
 * peer unreachable, no ring yet, storage unavailable): counted by error code in {@code dynamo_refused_total{error=...}},
 * and logged in one line per code every {@value #LOG_PERIOD_MILLIS} ms with the count since the last line. A refusal
 * is what a client is told while a node is down or the cluster split, not a fault of this node: no stack trace.
 */
@ApplicationScoped
public class RefusedRequests {
    static final long LOG_PERIOD_MILLIS = 10_000;
    private static final Logger LOG = Logger.getLogger(RefusedRequests.class.getName());
    private static final Metadata METADATA = Metadata.builder().withName("dynamo.refused")
            .withDescription("requests answered 502 or 503 because the cluster could not serve them, by error code")
            .build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private final RefusalLog log = new RefusalLog(LOG_PERIOD_MILLIS, System::currentTimeMillis, LOG::warning);

    @PostConstruct
    void register() {
        // The usual one shows from the start, at zero.
        registry.counter(METADATA, new Tag("error", "insufficient_replicas"));
    }

    public void record(int status, String error, String detail) {
        registry.counter(METADATA, new Tag("error", error)).inc();
        log.refused(status, error, detail);
    }
}
