package io.dynamo.core.coordination;

import io.dynamo.core.ring.PreferenceList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Sloppy quorum: the first N healthy nodes of a key's preference list. A replica this node routes around is
 * replaced by the next healthy fallback, which holds the copy as a hint for it; a target that then fails is
 * replaced the same way while fallbacks remain.
 */
public final class TargetSelection {
    private final List<Target> initial;
    private final Deque<String> spares;
    private final List<String> uncovered;

    private TargetSelection(List<Target> initial, Deque<String> spares, List<String> uncovered) {
        this.initial = initial;
        this.spares = spares;
        this.uncovered = uncovered;
    }

    /** @param routable whether this node currently routes to a peer (itself always) */
    public static TargetSelection of(PreferenceList list, Predicate<String> routable) {
        return of(List.of(list), routable);
    }

    /**
     * Targets for the replicas of every list (a write during a ring change reaches the previous ring's replicas
     * and the new ring's), each node once; the fallbacks are the last list's, less any replica of another list.
     */
    public static TargetSelection of(List<PreferenceList> lists, Predicate<String> routable) {
        Set<String> replicas = new LinkedHashSet<>();
        lists.forEach(l -> replicas.addAll(l.replicas()));
        Deque<String> spares = new ArrayDeque<>();
        for (String fallback : lists.get(lists.size() - 1).fallbacks()) {
            if (!replicas.contains(fallback) && routable.test(fallback)) {
                spares.add(fallback);
            }
        }
        List<Target> targets = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        for (String replica : replicas) {
            if (routable.test(replica)) {
                targets.add(Target.replica(replica));
            } else if (!spares.isEmpty()) {
                targets.add(new Target(spares.poll(), replica));
            } else {
                uncovered.add(replica);
            }
        }
        return new TargetSelection(List.copyOf(targets), spares, List.copyOf(uncovered));
    }

    /** Replicas routed around with no fallback left to stand in (a cluster of N nodes or fewer). */
    public List<String> uncovered() {
        return uncovered;
    }

    public List<Target> initial() {
        return initial;
    }

    /** The next fallback to take over the copy a failed target was to hold, if any is left. */
    public synchronized Optional<Target> replace(Target failed) {
        String next = spares.poll();
        return next == null ? Optional.empty() : Optional.of(new Target(next, failed.owner()));
    }

    public synchronized int sparesLeft() {
        return spares.size();
    }
}
