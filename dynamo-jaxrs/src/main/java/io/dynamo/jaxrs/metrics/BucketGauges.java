package io.dynamo.jaxrs.metrics;

import io.dynamo.core.stats.BucketCounts;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Exposes a core histogram the way Prometheus reads one: {@code NAME_bucket{le="..."}} with the values at most each
 * bound (cumulative, {@code le="+Inf"} counting all), {@code NAME_count} and {@code NAME_sum}. Gauges, read from the
 * core on each scrape: the core counts, so nothing is counted twice, and {@code histogram_quantile} works on them.
 */
final class BucketGauges {
    private final MetricRegistry registry;
    private final String name;
    private final String description;
    private final long scale;

    /**
     * @param name  the metric's name, dotted; {@code .bucket}, {@code .count} and {@code .sum} are added
     * @param scale the core's values per unit of the metric (1000 for microseconds shown as milliseconds)
     */
    BucketGauges(MetricRegistry registry, String name, String description, long scale) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.scale = scale;
    }

    /** Registers the histogram's gauges, each with the given tags beside its own. */
    void register(Supplier<BucketCounts.Snapshot> histogram, Tag... tags) {
        long[] bounds = histogram.get().bounds();
        Metadata buckets = Metadata.builder().withName(name + ".bucket")
                .withDescription(description + ": how many at most le").build();
        for (int i = 0; i <= bounds.length; i++) {
            int bucket = i;
            String le = i == bounds.length ? "+Inf" : label(bounds[i]);
            registry.gauge(buckets, histogram, h -> h.get().cumulative(bucket), with(tags, new Tag("le", le)));
        }
        registry.gauge(Metadata.builder().withName(name + ".count").withDescription(description + ": how many")
                .build(), histogram, h -> h.get().count(), tags);
        registry.gauge(Metadata.builder().withName(name + ".sum").withDescription(description + ": their sum")
                .build(), histogram, h -> (double) h.get().sum() / scale, tags);
    }

    private String label(long bound) {
        return BigDecimal.valueOf(bound).divide(BigDecimal.valueOf(scale)).stripTrailingZeros().toPlainString();
    }

    private static Tag[] with(Tag[] tags, Tag tag) {
        Tag[] all = Arrays.copyOf(tags, tags.length + 1);
        all[tags.length] = tag;
        return all;
    }
}
