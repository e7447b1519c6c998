package io.dynamo.api;

/**
 * The server-sent events of {@code GET /admin/events}. Each carries JSON; on connect the stream sends one of each
 * with the current state, then one whenever that state changes, and a comment line every 15 seconds.
 */
public final class AdminEvents {
    /** The ring changed: a {@link RingBody}. */
    public static final String RING = "ring";
    /** A node's reachability, status, address or membership changed: a {@link NodesBody}. */
    public static final String HEALTH = "health";
    /** A hint queue grew or shrank, or hints were delivered: a {@link HintsBody}. */
    public static final String HINTS = "hints";
    /** A transfer of this node started, moved on or ended: a {@link TransfersBody}. */
    public static final String TRANSFERS = "transfers";
    /** Every few seconds, whether or not anything changed: a {@link MetricsBody}. */
    public static final String METRICS = "metrics";

    private AdminEvents() {
    }
}
