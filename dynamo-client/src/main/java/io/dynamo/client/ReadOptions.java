package io.dynamo.client;

import java.util.OptionalInt;

/**
 * Per-request read settings.
 *
 * @param r the read quorum for this request (sent as {@code ?r=}); empty for the cluster's R. The node checks it
 *          against N (a value above N answers 400 {@code invalid_quorum}).
 */
public record ReadOptions(OptionalInt r) {
    private static final ReadOptions DEFAULTS = new ReadOptions(OptionalInt.empty());

    public ReadOptions {
        Quorums.check("r", r);
    }

    /** The cluster's R. */
    public static ReadOptions defaults() {
        return DEFAULTS;
    }

    /** Wait for {@code r} replicas, at least 1. */
    public static ReadOptions quorum(int r) {
        return new ReadOptions(OptionalInt.of(r));
    }
}
