package io.dynamo.client;

import java.util.OptionalInt;

/**
 * Per-request write settings, for put and delete.
 *
 * @param w the write quorum for this request (sent as {@code ?w=}); empty for the cluster's W. The node checks it
 *          against N (a value above N answers 400 {@code invalid_quorum}).
 */
public record WriteOptions(OptionalInt w) {
    private static final WriteOptions DEFAULTS = new WriteOptions(OptionalInt.empty());

    public WriteOptions {
        Quorums.check("w", w);
    }

    /** The cluster's W. */
    public static WriteOptions defaults() {
        return DEFAULTS;
    }

    /** Wait for {@code w} replicas to acknowledge, at least 1. */
    public static WriteOptions quorum(int w) {
        return new WriteOptions(OptionalInt.of(w));
    }
}
