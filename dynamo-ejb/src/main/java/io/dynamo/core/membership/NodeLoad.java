package io.dynamo.core.membership;

/**
 * How much one node stores, as it measured itself, and what it is set to, gossiped so that any node (and the console through it) can show
 * every node's load. Not persisted and not versioned with the membership: a node's newest measurement replaces the
 * older one, and only the node itself makes them, so its own clock orders them.
 *
 * @param keysStored       keys in its storage engine (replicas and not-yet-dropped transfers alike)
 * @param measuredAtMillis when it counted them, by its own clock
 * @param settings         what the node is set to; null when it did not say (an older release)
 */
public record NodeLoad(long keysStored, long measuredAtMillis, NodeSettings settings) {

    public NodeLoad(long keysStored, long measuredAtMillis) {
        this(keysStored, measuredAtMillis, null);
    }

    public NodeLoad {
        if (keysStored < 0) {
            throw new IllegalArgumentException("a node cannot store " + keysStored + " keys; give 0 or more");
        }
    }

    boolean newerThan(NodeLoad other) {
        return other == null || measuredAtMillis > other.measuredAtMillis;
    }
}
