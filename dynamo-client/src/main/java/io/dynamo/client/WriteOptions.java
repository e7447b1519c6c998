package io.dynamo.client;

import java.util.OptionalInt;

/**
 * Per-request write settings, for put and delete.
 *
 * @param w  the write quorum for this request (sent as {@code ?w=}); empty for the cluster's W. The node checks it
 *           against N (a value above N answers 400 {@code invalid_quorum}).
 * @param dw how many of the W acknowledgements must come from replicas that fsynced the write (sent as
 *           {@code ?dw=}); empty for the cluster's durability setting. The node checks it against W.
 */
public record WriteOptions(OptionalInt w, OptionalInt dw) {
    private static final WriteOptions DEFAULTS = new WriteOptions(OptionalInt.empty(), OptionalInt.empty());

    public WriteOptions {
        Quorums.check("w", w);
        Quorums.check("dw", dw);
    }

    /** With the cluster's durability. */
    public WriteOptions(OptionalInt w) {
        this(w, OptionalInt.empty());
    }

    /** The cluster's W and durability. */
    public static WriteOptions defaults() {
        return DEFAULTS;
    }

    /** Wait for {@code w} replicas to acknowledge, at least 1. */
    public static WriteOptions quorum(int w) {
        return new WriteOptions(OptionalInt.of(w));
    }

    /** These options, and wait until {@code dw} of the acknowledging replicas have fsynced the write (1 to W). */
    public WriteOptions synced(int dw) {
        return new WriteOptions(w, OptionalInt.of(dw));
    }

    /** The query string for these options: empty, or {@code ?w=..}, {@code ?dw=..} or both. */
    String query() {
        String dwPart = Quorums.query("dw", dw);
        return Quorums.query("w", w) + (w.isPresent() ? dwPart.replace('?', '&') : dwPart);
    }
}
