package io.dynamo.core.ring;

import java.util.Objects;

/**
 * One change of a plan: a node joins (with its weight), leaves (handing its partitions over), is removed (it is
 * dead: its partitions are copied from the other replicas), or is replaced by another node that takes exactly its
 * partitions (copied from it if it answers, else from the other replicas); or the cluster's N, R and W change
 * ({@link Kind#SETTINGS}, which names no node: the keys' new replicas are copied as for a node change).
 */
public record RingChange(Kind kind, String node, int weight, String replacement, RingSettings settings) {
    public enum Kind {
        JOIN, LEAVE, REMOVE, REPLACE, SETTINGS;

        /** The admin API's name: {@code join}, {@code leave}, {@code remove}, {@code replace}, {@code settings}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RingChange {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(node);
        Objects.requireNonNull(replacement);
        if ((kind == Kind.SETTINGS) != (settings != null) || (kind == Kind.SETTINGS) != node.isEmpty()) {
            throw new IllegalArgumentException(kind == Kind.SETTINGS ? "a change of settings names N, R and W and no"
                    + " node" : "a " + kind.label() + " names a node and no settings");
        }
        if (weight < 1 || weight > Member.MAX_WEIGHT) {
            throw new IllegalArgumentException("the weight of node " + node + " is " + weight + "; it must be 1 to "
                    + Member.MAX_WEIGHT);
        }
        if ((kind == Kind.REPLACE) == replacement.isEmpty()) {
            throw new IllegalArgumentException(kind == Kind.REPLACE ? "a replace of node " + node + " names no node"
                    + " to replace it with" : "only a replace names a replacement");
        }
        if (!node.isEmpty() && node.equals(replacement)) {
            throw new IllegalArgumentException("node " + node + " cannot replace itself");
        }
    }

    /** A node change, as decoded from the wire. */
    public RingChange(Kind kind, String node, int weight, String replacement) {
        this(kind, node, weight, replacement, null);
    }

    public static RingChange join(String node, int weight) {
        return new RingChange(Kind.JOIN, node, weight, "");
    }

    public static RingChange leave(String node) {
        return new RingChange(Kind.LEAVE, node, 1, "");
    }

    public static RingChange remove(String node) {
        return new RingChange(Kind.REMOVE, node, 1, "");
    }

    public static RingChange replace(String node, String replacement) {
        return new RingChange(Kind.REPLACE, node, 1, replacement);
    }

    /** The cluster's N, R and W become {@code next}. */
    public static RingChange settings(RingSettings next) {
        return new RingChange(Kind.SETTINGS, "", 1, "", Objects.requireNonNull(next));
    }

    /** The node this change brings into the ring, if any. */
    public String added() {
        return kind == Kind.JOIN ? node : kind == Kind.REPLACE ? replacement : "";
    }

    @Override
    public String toString() {
        if (kind == Kind.SETTINGS) {
            return "settings " + settings;
        }
        return kind.label() + " " + node + (kind == Kind.REPLACE ? " with " + replacement : "")
                + (kind == Kind.JOIN && weight != 1 ? " (weight " + weight + ")" : "");
    }
}
