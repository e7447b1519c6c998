package io.dynamo.core.membership;

import io.dynamo.core.ring.RingChange;
import io.dynamo.core.transport.Message;
import java.util.List;

/**
 * A plan a node asks the claimant to commit: its changes (joins, leaves, removes, replaces) as planned from ring
 * {@code fromVersion}. The claimant plans them again from its own ring and commits them as one change, or refuses.
 * A single join or leave travels as a {@link ChangeRequest}, which claimants of older releases read.
 */
public record PlanRequest(List<RingChange> changes, long fromVersion) implements Message {
    public PlanRequest {
        changes = List.copyOf(changes);
    }
}
