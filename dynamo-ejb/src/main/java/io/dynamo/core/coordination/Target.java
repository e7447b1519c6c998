package io.dynamo.core.coordination;

/**
 * A node a request goes to. {@code hintFor} is empty for a replica of the key, or names the replica that a
 * fallback stands in for (sloppy quorum).
 */
public record Target(String node, String hintFor) {
    public static Target replica(String node) {
        return new Target(node, "");
    }

    public boolean isStandIn() {
        return !hintFor.isEmpty();
    }

    /** The replica this target's copy belongs to. */
    public String owner() {
        return isStandIn() ? hintFor : node;
    }
}
