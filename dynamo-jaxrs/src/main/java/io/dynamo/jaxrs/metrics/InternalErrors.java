package io.dynamo.jaxrs.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Counts the node's 500 answers ({@code dynamo_internal_errors_total}): failures it did not foresee, each logged
 * with an incident id. Worth an alert at any value above zero; the fuzz test requires it to stay at zero, which also
 * catches a 500 whose client had already gone away.
 */
@ApplicationScoped
public class InternalErrors {
    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private Counter counter;

    @PostConstruct
    void register() {
        counter = registry.counter(Metadata.builder().withName("dynamo.internal.errors")
                .withDescription("answers of 500 Internal Server Error; the node's log has each").build());
    }

    /** Created with the application, so the counter shows from the start, at zero. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // creating the bean registered the counter
    }

    public void count() {
        counter.inc();
    }
}
