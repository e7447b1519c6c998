package io.dynamo.core.peer;

/**
 * One peer as this node sees it.
 *
 * @param lastContactMillis when it last answered or sent this node a request (0: never)
 * @param rttMillis smoothed round-trip time of its answers (-1: unknown)
 * @param consecutiveFailures requests or probes missed since its last answer
 */
public record PeerHealth(String node, Reachability reachability, long lastContactMillis, double rttMillis,
                         int consecutiveFailures) {

    static PeerHealth unknown(String node) {
        return new PeerHealth(node, Reachability.UP, 0, -1, 0);
    }

    public boolean routable() {
        return reachability == Reachability.UP;
    }
}
