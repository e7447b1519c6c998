package io.dynamo.console.viewmodel;

/**
 * One node's key-value requests between two of its {@code metrics} events, at the later one's arrival (seconds since
 * the console connected): requests answered per second, and their mean latency.
 */
public record MetricPoint(String node, double seconds, double requestsPerSecond, double meanMillis) {
}
