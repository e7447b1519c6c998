package io.dynamo.console.viewmodel;

/**
 * One partition a node streams to its new replicas after a ring change.
 *
 * @param pass how far the scan under way is, e.g. "2,400 / 9,800", or "—" between passes
 */
public record TransferRow(String source, int partition, String targets, String status, Measure keysSent,
                          Measure bytesSent, String pass, Measure rate, Age left, boolean live) {
    /** The source as shown: a node whose stream broke is marked, its numbers are as last reported. */
    public String sourceText() {
        return live ? source : source + " (unreachable: as last reported)";
    }
}
