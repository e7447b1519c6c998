package io.dynamo.jaxrs.admin;

import io.dynamo.api.AdminEvents;
import io.dynamo.api.HintQueueBody;
import io.dynamo.api.HintsBody;
import io.dynamo.api.NodeBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.RingBody;
import io.dynamo.api.TransfersBody;
import io.dynamo.core.node.NodeView;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the event stream reports, at one instant: the bodies of the {@code ring}, {@code health}, {@code hints} and
 * {@code transfers} events, and for each the part whose change is worth an event (ages and round-trip times change all the time;
 * reachability, membership and queue sizes are what the console reacts to).
 *
 * @param ring  null while the node knows no ring
 */
record AdminSnapshot(RingBody ring, NodesBody nodes, HintsBody hints, TransfersBody transfers) {

    static AdminSnapshot of(NodeView node, long now) {
        RingBody ring = node.knownRing().map(r -> RingViews.ring(node.id(), node.config(), r)).orElse(null);
        NodesBody nodes = NodeViews.nodes(node.id(), node.members(), now);
        HintsBody hints = NodeViews.hints(node.id(), node.hints(), now);
        TransfersBody transfers = ActivityViews.transfers(node.id(), node.transfers().progress(),
                node.transfers().idle(), now);
        return new AdminSnapshot(ring, nodes, hints, transfers);
    }

    /** Event name to body, in the order a new subscriber gets them; the ring only once it is known. */
    Map<String, Object> bodies() {
        Map<String, Object> bodies = new LinkedHashMap<>();
        if (ring != null) {
            bodies.put(AdminEvents.RING, ring);
        }
        bodies.put(AdminEvents.HEALTH, nodes);
        bodies.put(AdminEvents.HINTS, hints);
        bodies.put(AdminEvents.TRANSFERS, transfers);
        return bodies;
    }

    /** Event name to the part of its body whose change is worth sending it again. */
    Map<String, Object> keys() {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put(AdminEvents.RING, ring);
        keys.put(AdminEvents.HEALTH, nodes.nodes().stream().map(AdminSnapshot::healthKey).toList());
        keys.put(AdminEvents.HINTS, List.of(hints.delivered(), hints.queues().stream()
                .map(q -> new HintQueueBody(q.target(), q.count(), q.bytes(), q.oldestStoredAtMillis(), null))
                .toList()));
        // Progress, not rates: the rates and the time left move with the clock alone.
        keys.put(AdminEvents.TRANSFERS, transfers.transfers().stream().map(t -> List.of(t.partition(),
                t.ringVersion(), t.status(), t.keysSent(), t.failures())).toList());
        return keys;
    }

    private static List<Object> healthKey(NodeBody n) {
        return Arrays.asList(n.node(), n.health().reachability(), n.status(), n.httpAddress(), n.member(),
                n.weight(), n.partitions(), n.keysStored());
    }
}
