package io.dynamo.core.ring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The nodes responsible for one partition: the first N distinct nodes clockwise hold its replicas, and the nodes
 * after them, in ring order, stand in for unreachable replicas (sloppy quorum, hinted handoff).
 *
 * @param partition the partition the list is for
 * @param replicas  the N nodes holding the replicas, the coordinator first (all nodes if fewer than N exist)
 * @param fallbacks every other node, in the order they are met walking the ring
 */
public record PreferenceList(int partition, List<String> replicas, List<String> fallbacks) {

    public PreferenceList {
        replicas = List.copyOf(replicas);
        fallbacks = List.copyOf(fallbacks);
    }

    /** Replicas then fallbacks: the order in which a coordinator tries nodes. */
    public List<String> all() {
        List<String> all = new ArrayList<>(replicas.size() + fallbacks.size());
        all.addAll(replicas);
        all.addAll(fallbacks);
        return Collections.unmodifiableList(all);
    }

    /**
     * The list for a smaller N (a namespace's): the first {@code n} replicas, the others first among the fallbacks,
     * so the walk order is kept. This list when it has no more than {@code n} replicas.
     */
    public PreferenceList narrowed(int n) {
        if (n >= replicas.size()) {
            return this;
        }
        List<String> all = all();
        return new PreferenceList(partition, all.subList(0, n), all.subList(n, all.size()));
    }

    public boolean isReplica(String nodeId) {
        return replicas.contains(nodeId);
    }

    @Override
    public String toString() {
        return "p" + partition + replicas + "+" + fallbacks;
    }
}
