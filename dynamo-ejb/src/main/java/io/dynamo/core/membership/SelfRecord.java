package io.dynamo.core.membership;

import io.dynamo.core.ring.Ring;

/**
 * Keeps a node's own record consistent with its settings and the ring it sees: its configured address; in the
 * ring means JOINED; out of a ring it was in means LEAVING (until it marks itself LEFT). Only the node itself
 * applies this, so these changes never race each other; a record another node changed at the same version is
 * settled by {@link NodeInfo#PRECEDENCE}, and the next reconcile raises the version past it if needed.
 */
record SelfRecord(String localNode, String httpAddress) {

    MembershipState reconcile(MembershipState state) {
        NodeInfo self = state.node(localNode).orElse(null);
        if (self == null) {
            return state;
        }
        NodeInfo fixed = self;
        if (!httpAddress.isEmpty() && !httpAddress.equals(fixed.httpAddress())) {
            fixed = fixed.withHttpAddress(httpAddress);
        }
        Ring ring = state.ring().orElse(null);
        if (ring != null) {
            boolean member = ring.contains(localNode);
            if (member && fixed.status() != NodeStatus.JOINED) {
                fixed = fixed.withStatus(NodeStatus.JOINED);
            } else if (!member && fixed.status() == NodeStatus.JOINED) {
                fixed = fixed.withStatus(NodeStatus.LEAVING);
            }
        }
        return fixed == self ? state : state.withNode(fixed);
    }
}
