package io.dynamo.core.store;

import java.util.Optional;

/**
 * Whether the node's last write to its store failed (a full disk, a directory that became unwritable), so that the
 * node reports itself not ready until a write succeeds again. Writes keep arriving from other replicas, hinted
 * handoff and anti-entropy even while clients are steered away, so the first one that succeeds clears it.
 */
public final class StorageHealth {
    private volatile String failure;

    void failed(String message) {
        failure = message;
    }

    void succeeded() {
        if (failure != null) {
            failure = null;
        }
    }

    /** Why the last write failed; empty while writes succeed. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}
