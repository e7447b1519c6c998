package io.dynamo.core.node;

import io.dynamo.core.base.InvalidConfigException;
import java.time.Duration;
import java.util.List;

/**
 * How a node finds and joins its cluster.
 *
 * @param httpAddress    where this node's REST API answers (host:port), gossiped for clients and the console
 * @param bootstrap      start a new cluster with this node alone in the ring when it has no stored membership
 * @param seeds          node ids to gossip with until the ring is known
 * @param gossipInterval how often the node reconciles its membership with one random peer
 * @param gossipSeed     seeds the choice of gossip peers (fixed in simulations so that runs replay)
 */
public record ClusterSettings(String httpAddress, boolean bootstrap, List<String> seeds, Duration gossipInterval,
                              long gossipSeed) {
    public ClusterSettings {
        seeds = List.copyOf(seeds);
        if (gossipInterval.isNegative() || gossipInterval.isZero()) {
            throw new InvalidConfigException("setting dynamo.gossip.interval = " + gossipInterval
                    + " is invalid: it must be positive");
        }
    }

    /** A node that forms a cluster of its own. */
    public static ClusterSettings standalone(String httpAddress) {
        return new ClusterSettings(httpAddress, true, List.of(), Duration.ofSeconds(1), System.nanoTime());
    }
}
