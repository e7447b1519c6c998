package io.dynamo.jaxrs.admin;

import io.dynamo.api.KeyPlacementBody;
import io.dynamo.api.MemberBody;
import io.dynamo.api.PlacementBody;
import io.dynamo.api.RingBody;
import io.dynamo.api.RingChangeBody;
import io.dynamo.core.base.Key;
import io.dynamo.core.node.KeyPlacement;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingSettings;
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
        // The cluster's settings, kept with the ring; a ring of an older release keeps none and walks the node's own.
        RingSettings cluster = ring.settings().orElse(new RingSettings(config.replicas(), config.readQuorum(),
                config.writeQuorum()));
        return new RingBody(self, ring.version(), ring.partitionCount(), cluster.replicas(), cluster.readQuorum(),
                cluster.writeQuorum(), members, ring.owners(), ring.handover().map(h -> new RingChangeBody(
                        h.previous().version(), ring.participants().size(), h.seen().size(), h.confirmed().size(),
                        ring.streams(config.replicas()).size(), h.switched().size(), h.previous().owners()))
                .orElse(null));
    }

    /** The key's placement as the wire shows it, each node's health as of {@code now}. */
    static KeyPlacementBody placement(String self, KeyPlacement placement, long now) {
        Key key = placement.key();
        return new KeyPlacementBody(self, key.toString(), HexFormat.of().formatHex(key.md5()), placement.partition(),
                placement.ringVersion(), placement.replicas().stream().map(p -> place(p, now)).toList(),
                placement.fallbacks().stream().map(p -> place(p, now)).toList());
    }

    private static PlacementBody place(KeyPlacement.Placement p, long now) {
        return new PlacementBody(p.node(), p.self(), p.standIn(),
                p.self() ? HealthViews.SELF : HealthViews.of(p.health(), now));
    }
}
