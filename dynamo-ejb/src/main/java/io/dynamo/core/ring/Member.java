package io.dynamo.core.ring;

/**
 * A physical node in the ring. Its weight sets its share of the partitions, so a bigger machine can own more.
 *
 * @param nodeId the node's name, unique in the cluster
 * @param weight relative capacity, at least 1
 */
public record Member(String nodeId, int weight) implements Comparable<Member> {

    public Member {
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("a member needs a non-blank node id");
        }
        if (weight < 1) {
            throw new IllegalArgumentException("member " + nodeId + " has weight " + weight + "; use 1 or more");
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
