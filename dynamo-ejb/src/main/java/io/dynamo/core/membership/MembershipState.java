package io.dynamo.core.membership;

import io.dynamo.core.namespace.NamespaceCatalog;
import io.dynamo.core.ring.Ring;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What every node persists and gossips: the ring (ownership, with its version), a record per known node and the
 * catalog of namespaces.
 * Immutable. {@link #merge} is commutative, associative and idempotent, so nodes that keep merging what they hear
 * end up with the same state whatever order, duplication or delay the messages had.
 *
 * <p>"No ring yet" (a node started without bootstrap that has not heard from the cluster) is an absent ring:
 * {@link Ring} cannot have zero members, and an absent ring loses every merge.
 */
public final class MembershipState {
    public static final MembershipState EMPTY = new MembershipState(null, Map.of(), NamespaceCatalog.EMPTY);

    private final Ring ring;
    private final Map<String, NodeInfo> nodes;
    private final NamespaceCatalog namespaces;

    private MembershipState(Ring ring, Map<String, NodeInfo> nodes, NamespaceCatalog namespaces) {
        this.ring = ring;
        this.nodes = Collections.unmodifiableMap(new TreeMap<>(nodes));
        this.namespaces = Objects.requireNonNull(namespaces);
    }

    /** @param ring the ring, or null when none is known yet */
    public static MembershipState of(Ring ring, Collection<NodeInfo> nodes) {
        Map<String, NodeInfo> byId = new TreeMap<>();
        for (NodeInfo n : nodes) {
            if (byId.put(n.nodeId(), n) != null) {
                throw new IllegalArgumentException("node " + n.nodeId() + " has two records; give one per node");
            }
        }
        return new MembershipState(ring, byId, NamespaceCatalog.EMPTY);
    }

    /** The namespaces other than {@code default}, dropped ones included. */
    public NamespaceCatalog namespaces() {
        return namespaces;
    }

    /** This state with another catalog; the caller makes sure it is newer (merge would otherwise discard it). */
    public MembershipState withNamespaces(NamespaceCatalog catalog) {
        return new MembershipState(ring, nodes, catalog);
    }

    public Optional<Ring> ring() {
        return Optional.ofNullable(ring);
    }

    /** The ring's version, 0 when there is no ring yet (real rings start at {@link Ring#INITIAL_VERSION}). */
    public long ringVersion() {
        return ring == null ? 0 : ring.version();
    }

    /** Every node record, by node id. */
    public Map<String, NodeInfo> nodes() {
        return nodes;
    }

    public Optional<NodeInfo> node(String nodeId) {
        return Optional.ofNullable(nodes.get(nodeId));
    }

    /** This state with another ring; the caller makes sure it is newer (merge would otherwise discard it). */
    public MembershipState withRing(Ring newRing) {
        return new MembershipState(Objects.requireNonNull(newRing), nodes, namespaces);
    }

    /** This state with the node's record replaced. */
    public MembershipState withNode(NodeInfo info) {
        Map<String, NodeInfo> next = new TreeMap<>(nodes);
        next.put(info.nodeId(), info);
        return new MembershipState(ring, next, namespaces);
    }

    /** The newer ring (see {@link RingPrecedence}), per node the newer record, and the merged catalogs. */
    public MembershipState merge(MembershipState other) {
        Ring mergedRing = RingPrecedence.newer(ring, other.ring);
        Map<String, NodeInfo> merged = new TreeMap<>(nodes);
        other.nodes.forEach((id, info) -> merged.merge(id, info, NodeInfo::newer));
        MembershipState result = new MembershipState(mergedRing, merged, namespaces.merge(other.namespaces));
        // Hand back an existing instance when nothing changed, so callers can cheaply tell "nothing new".
        if (result.equals(this)) {
            return this;
        }
        return result.equals(other) ? other : result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MembershipState other && Objects.equals(ring, other.ring) && nodes.equals(other.nodes)
                && namespaces.equals(other.namespaces);
    }

    @Override
    public int hashCode() {
        return (Objects.hashCode(ring) * 31 + nodes.hashCode()) * 31 + namespaces.hashCode();
    }

    @Override
    public String toString() {
        return "Membership[" + (ring == null ? "no ring" : ring) + ", nodes=" + nodes.values()
                + (namespaces.isEmpty() ? "" : ", " + namespaces) + "]";
    }
}
