package io.dynamo.core.membership;

import java.util.Comparator;
import java.util.Objects;

/**
 * What the cluster knows of one node, gossiped with the ring. Every change makes a record with a higher version;
 * two records of one node merge to the higher version.
 *
 * @param nodeId      the node's name
 * @param httpAddress where its REST API answers (for clients and the console), empty when unknown
 * @param status      its place in the join/leave life cycle
 * @param version     raised by every change of this record, by whichever node makes it
 */
public record NodeInfo(String nodeId, String httpAddress, NodeStatus status, long version) {

    /**
     * Precedence of two records of one node: the higher version wins. Two nodes may change a record at once and
     * both produce the same version; then the later status wins, then the greater address, so every node picks the
     * same record whatever order the records arrive in (a total order makes the merge a semilattice join).
     */
    static final Comparator<NodeInfo> PRECEDENCE = Comparator.comparingLong(NodeInfo::version)
            .thenComparing(NodeInfo::status)
            .thenComparing(NodeInfo::httpAddress);

    public NodeInfo {
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("a node record needs a non-blank node id");
        }
        Objects.requireNonNull(httpAddress, "httpAddress (use an empty string when unknown)");
        Objects.requireNonNull(status, "status");
        if (version < 0) {
            throw new IllegalArgumentException("node " + nodeId + " has record version " + version + "; use 0 or more");
        }
    }

    /** This record changed to {@code newStatus}, one version later. */
    public NodeInfo withStatus(NodeStatus newStatus) {
        return new NodeInfo(nodeId, httpAddress, newStatus, version + 1);
    }

    /** This record with a new address, one version later. */
    public NodeInfo withHttpAddress(String address) {
        return new NodeInfo(nodeId, address, status, version + 1);
    }

    /** The record that wins between two records of the same node. */
    static NodeInfo newer(NodeInfo a, NodeInfo b) {
        if (!a.nodeId.equals(b.nodeId)) {
            throw new IllegalArgumentException("cannot merge the records of " + a.nodeId + " and " + b.nodeId);
        }
        return PRECEDENCE.compare(a, b) >= 0 ? a : b;
    }
}
