package io.dynamo.core.membership;

import io.dynamo.core.transport.Message;
import java.util.Map;
import java.util.Objects;

/**
 * Membership gossip: the sender's whole membership state and the loads it knows. The receiver merges them and
 * replies with a {@link Gossip} carrying its merged state, which the sender merges in turn.
 */
public record Gossip(MembershipState state, Map<String, NodeLoad> loads) implements Message {
    public Gossip {
        Objects.requireNonNull(state);
        loads = Map.copyOf(loads);
    }
}
