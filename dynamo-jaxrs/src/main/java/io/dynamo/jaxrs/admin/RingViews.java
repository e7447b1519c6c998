package io.dynamo.jaxrs.admin;

import io.dynamo.core.base.Key;
import io.dynamo.core.coordination.Target;
import io.dynamo.core.coordination.TargetSelection;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.peer.FailureDetector;
import io.dynamo.core.ring.Partitioner;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.ring.Ring;
import io.dynamo.jaxrs.api.KeyPlacementBody;
import io.dynamo.jaxrs.api.MemberBody;
import io.dynamo.jaxrs.api.PlacementBody;
import io.dynamo.jaxrs.api.RingBody;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The ring and a key's place in it, as the wire shows them. */
final class RingViews {
    private RingViews() {
    }

    static RingBody ring(String self, NodeConfig config, Ring ring) {
        Map<String, Integer> counts = ring.counts();
        List<MemberBody> members = ring.members().stream()
                .map(m -> new MemberBody(m.nodeId(), m.weight(), counts.get(m.nodeId()),
                        (double) counts.get(m.nodeId()) / ring.partitionCount()))
                .toList();
        return new RingBody(self, ring.version(), ring.partitionCount(), config.replicas(), config.readQuorum(),
                config.writeQuorum(), members, ring.owners());
    }

    /**
     * @param detector this node's opinion of its peers: each replica's health, and for each replica it routes
     *                 around the fallback that would stand in for it now (the same choice a coordinator makes)
     */
    static KeyPlacementBody placement(String self, int replicas, Ring ring, Key key, FailureDetector detector,
                                      long now) {
        byte[] md5 = Partitioner.md5(key.bytes());
        int partition = ring.partitioner().partitionOf(md5);
        PreferenceList list = ring.preferenceList(partition, replicas);
        Map<String, String> standIns = new HashMap<>();
        for (Target t : TargetSelection.of(list, n -> n.equals(self) || detector.routable(n)).initial()) {
            if (t.isStandIn()) {
                standIns.put(t.hintFor(), t.node());
            }
        }
        return new KeyPlacementBody(self, key.toString(), HexFormat.of().formatHex(md5), partition, ring.version(),
                list.replicas().stream().map(n -> place(self, n, standIns.get(n), detector, now)).toList(),
                list.fallbacks().stream().map(n -> place(self, n, null, detector, now)).toList());
    }

    private static PlacementBody place(String self, String node, String standIn, FailureDetector detector,
                                       long now) {
        boolean isSelf = node.equals(self);
        return new PlacementBody(node, isSelf, standIn,
                isSelf ? HealthViews.SELF : HealthViews.of(detector.health(node), now));
    }
}
