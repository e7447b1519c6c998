package io.dynamo.jaxrs.admin;

import io.dynamo.api.HintQueueBody;
import io.dynamo.api.HintsBody;
import io.dynamo.api.NodeBody;
import io.dynamo.api.NodesBody;
import io.dynamo.core.handoff.HintQueue;
import io.dynamo.core.membership.MembershipState;
import io.dynamo.core.membership.NodeInfo;
import io.dynamo.core.node.NodeView;
import io.dynamo.core.peer.PeerHealth;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Ring;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The nodes this node knows of, and the hints it holds for them, as the wire shows them. */
final class NodeViews {
    private NodeViews() {
    }

    /**
     * Every node with a membership record, every ring member and every peer the failure detector has an opinion of
     * (a peer may be any of these without the others for a while: gossip is still spreading, or a ring references
     * a node that never started).
     */
    static NodesBody nodes(String self, NodeView.Members members, long now) {
        return nodes(self, members.state(), members.health(), members.keysStored(), now);
    }

    /** @param keysStored per node, the newest key count known */
    static NodesBody nodes(String self, MembershipState state, Map<String, PeerHealth> view,
            Map<String, Long> keysStored, long now) {
        Optional<Ring> ring = state.ring();
        Map<String, Integer> counts = ring.map(Ring::counts).orElse(Map.of());
        TreeSet<String> ids = new TreeSet<>(state.nodes().keySet());
        ring.ifPresent(r -> r.members().forEach(m -> ids.add(m.nodeId())));
        ids.addAll(view.keySet());
        ids.add(self);
        List<NodeBody> nodes = ids.stream().map(id -> {
            Optional<NodeInfo> info = state.node(id);
            Optional<Member> member = ring.flatMap(r -> r.member(id));
            boolean isSelf = id.equals(self);
            PeerHealth health = view.get(id);
            return new NodeBody(id, isSelf, info.map(i -> i.status().name()).orElse(null),
                    info.map(NodeInfo::httpAddress).orElse(null), member.isPresent(),
                    member.map(Member::weight).orElse(null), counts.getOrDefault(id, 0), keysStored.get(id),
                    isSelf ? HealthViews.SELF
                            : health != null ? HealthViews.of(health, now) : HealthViews.UNTRIED);
        }).toList();
        return new NodesBody(self, state.ringVersion(), nodes);
    }

    static HintsBody hints(String self, NodeView.Hints hints, long now) {
        return hints(self, hints.queues(), hints.delivered(), now);
    }

    static HintsBody hints(String self, List<HintQueue> queues, long delivered, long now) {
        List<HintQueueBody> bodies = queues.stream()
                .sorted((a, b) -> a.target().compareTo(b.target()))
                .map(q -> {
                    boolean waiting = q.count() > 0 && q.oldestStoredAtMillis() > 0;
                    return new HintQueueBody(q.target(), q.count(), q.bytes(),
                            waiting ? q.oldestStoredAtMillis() : null,
                            waiting ? Math.max(0, now - q.oldestStoredAtMillis()) : null);
                })
                .toList();
        long count = queues.stream().mapToLong(HintQueue::count).sum();
        long bytes = queues.stream().mapToLong(HintQueue::bytes).sum();
        return new HintsBody(self, count, bytes, delivered, bodies);
    }
}
