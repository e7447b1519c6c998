package io.dynamo.infra.jgroups;

import io.dynamo.core.wire.MessageCodec;

/**
 * The wire formats of this node: the newest it reads, and the newest it announces in its address (the same, but
 * for tests that play a node of an earlier release or one that breaks the rule). A node writes to each peer the
 * newest format both read: the lower of its own and the peer's announced one.
 */
record WireFormats(int reads, int announced) {
    static final WireFormats CURRENT = new WireFormats(MessageCodec.FORMAT, MessageCodec.FORMAT);

    /** The format to write to a peer that announced {@code peerReads}. */
    int toward(int peerReads) {
        return Math.min(reads, peerReads);
    }
}
