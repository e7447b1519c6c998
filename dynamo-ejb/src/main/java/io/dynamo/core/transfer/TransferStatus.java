package io.dynamo.core.transfer;

/** Where one partition's transfer stands. */
public enum TransferStatus {
    /** Waiting for a free slot, or for the next tick after a failure (see the progress' last error). */
    PENDING,
    /** Streaming now. */
    RUNNING,
    /** Every target confirmed the whole partition (and, for a drop, this node holds none of it any more). */
    DONE
}
