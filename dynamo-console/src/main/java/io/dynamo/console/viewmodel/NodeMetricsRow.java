package io.dynamo.console.viewmodel;

/** One node's latest figures: requests per second and mean latency since its previous event, recent p99s. */
public record NodeMetricsRow(String node, Measure requestsPerSecond, Measure meanLatency, Measure getP99,
                             Measure putP99, boolean live) {
    /** The node as shown: one whose stream broke is marked, its figures are as last reported. */
    public String nodeText() {
        return live ? node : node + " (unreachable: as last reported)";
    }
}
