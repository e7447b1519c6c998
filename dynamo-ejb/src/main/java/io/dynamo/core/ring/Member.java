package io.dynamo.core.ring;

/**
 * A physical node in the ring. Its weight sets its share of the partitions, so a bigger machine can own more.
 *
 * @param nodeId the node's name, unique in the cluster
 * @param weight relative capacity, at least 1
 */
public record Member(String nodeId, int weight) implements Comparable<Member> {
    /** The largest weight: what the gossiped ring encodes, and far beyond any real capacity ratio. */
    public static final int MAX_WEIGHT = 1 << 20;

    public Member {
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("a member needs a non-blank node id");
        }
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("member " + nodeId + " has weight " + weight + "; use 1 to "
                    + MAX_WEIGHT);
        }
    }

    /** A member of weight 1. */
    public static Member of(String nodeId) {
        return new Member(nodeId, 1);
    }

    @Override
    public int compareTo(Member o) {
        return nodeId.compareTo(o.nodeId);
    }

    @Override
    public String toString() {
        return weight == 1 ? nodeId : nodeId + "*" + weight;
    }
}
