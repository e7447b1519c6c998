package io.dynamo.core.membership;

import java.util.Optional;

/**
 * Where a node keeps its membership state across restarts, so that it comes back knowing the ring it left with
 * (and does not have to relearn, or worse re-bootstrap, it). Methods may throw
 * {@link io.dynamo.core.store.StorageException}.
 */
public interface MembershipStore {

    /** The state saved last, or empty when nothing was ever saved. */
    Optional<MembershipState> load();

    /** Replaces the saved state; when it returns, the state survives a crash. */
    void save(MembershipState state);
}
