package io.dynamo.jaxrs;

import java.util.Arrays;

/** Reads values out of the Prometheus text of {@code GET /metrics}. */
public final class MetricsText {
    private MetricsText() {
    }

    /**
     * The sum of the series of the metric that carry every label given ({@code peer="node-2"}); 0 when there is none.
     *
     * @param name the metric as Prometheus shows it, {@code dynamo_read_siblings_bucket}
     */
    public static double value(String metrics, String name, String... labels) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> Arrays.stream(labels).allMatch(l.substring(0, l.lastIndexOf(' '))::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** {@code NAME_bucket}'s values in (lower, upper]: its cumulative count at upper less that at lower. */
    public static double inBucket(String metrics, String name, String lower, String upper, String... labels) {
        return value(metrics, name + "_bucket", with(labels, "le=\"" + upper + "\""))
                - value(metrics, name + "_bucket", with(labels, "le=\"" + lower + "\""));
    }

    private static String[] with(String[] labels, String label) {
        String[] all = Arrays.copyOf(labels, labels.length + 1);
        all[labels.length] = label;
        return all;
    }
}
