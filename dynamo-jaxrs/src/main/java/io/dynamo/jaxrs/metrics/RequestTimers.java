package io.dynamo.jaxrs.metrics;

import io.dynamo.api.OperationMetricsBody;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Snapshot;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Latency timers of the key-value API ({@code dynamo_get_seconds}, ...), registered once at start and updated by
 * the resource. Not {@code @Timed}: Payara's interceptor sets itself up lazily without synchronisation, and on the
 * one application-scoped resource the first requests arriving together failed with a 500 (its metrics context was
 * still null); it also cost a reflective interceptor call per request.
 */
@ApplicationScoped
public class RequestTimers {
    private static final double NANOS_PER_MILLI = 1_000_000.0;
    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private Timer get;
    private Timer put;
    private Timer delete;

    @PostConstruct
    void register() {
        get = timer("dynamo.get", "latency of get requests served by this node");
        put = timer("dynamo.put", "latency of put requests served by this node");
        delete = timer("dynamo.delete", "latency of delete requests served by this node");
    }

    private Timer timer(String name, String description) {
        return registry.timer(Metadata.builder().withName(name).withDescription(description)
                .withUnit(MetricUnits.NANOSECONDS).build());
    }

    /** Records a get that started at {@code startNanos} ({@link System#nanoTime()}), whatever its outcome. */
    public void get(long startNanos) {
        get.update(since(startNanos));
    }

    public void put(long startNanos) {
        put.update(since(startNanos));
    }

    public void delete(long startNanos) {
        delete.update(since(startNanos));
    }

    /** Each operation's count, total time and recent 99th percentile, for the console's charts. */
    public List<OperationMetricsBody> operations() {
        return List.of(operation("get", get), operation("put", put), operation("delete", delete));
    }

    private static OperationMetricsBody operation(String name, Timer timer) {
        Snapshot snapshot = timer.getSnapshot();
        double p99Nanos = Arrays.stream(snapshot.percentileValues()).filter(p -> p.getPercentile() == 0.99)
                .mapToDouble(Snapshot.PercentileValue::getValue).findFirst().orElse(snapshot.getMax());
        return new OperationMetricsBody(name, timer.getCount(), timer.getElapsedTime().toNanos() / NANOS_PER_MILLI,
                p99Nanos / NANOS_PER_MILLI);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
