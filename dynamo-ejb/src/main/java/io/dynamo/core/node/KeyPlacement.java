package io.dynamo.core.node;

import io.dynamo.core.base.Key;
import io.dynamo.core.coordination.Target;
import io.dynamo.core.coordination.TargetSelection;
import io.dynamo.core.peer.FailureDetector;
import io.dynamo.core.peer.PeerHealth;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.ring.Ring;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a key lives in one ring, as one node sees it: its replicas and fallbacks in preference order, each with this
 * node's opinion of it.
 */
public record KeyPlacement(Key key, int partition, long ringVersion, List<Placement> replicas,
                           List<Placement> fallbacks) {

    public KeyPlacement {
        replicas = List.copyOf(replicas);
        fallbacks = List.copyOf(fallbacks);
    }

    /**
     * @param standIn the fallback that would take this replica's writes now (it is routed around), or null
     * @param health  this node's opinion of the node; null for the node itself
     */
    public record Placement(String node, boolean self, String standIn, PeerHealth health) {
    }

    /** For each replica routed around, the fallback that would stand in for it: the same choice a coordinator makes. */
    public static KeyPlacement of(String self, int replicas, Ring ring, Key key, FailureDetector detector) {
        int partition = ring.partitioner().partitionOf(key.md5());
        PreferenceList list = ring.preferenceList(partition, replicas);
        Map<String, String> standIns = new HashMap<>();
        for (Target t : TargetSelection.of(list, n -> n.equals(self) || detector.routable(n)).initial()) {
            if (t.isStandIn()) {
                standIns.put(t.hintFor(), t.node());
            }
        }
        return new KeyPlacement(key, partition, ring.version(),
                list.replicas().stream().map(n -> place(self, n, standIns.get(n), detector)).toList(),
                list.fallbacks().stream().map(n -> place(self, n, null, detector)).toList());
    }

    private static Placement place(String self, String node, String standIn, FailureDetector detector) {
        boolean isSelf = node.equals(self);
        return new Placement(node, isSelf, standIn, isSelf ? null : detector.health(node));
    }
}
