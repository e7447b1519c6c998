package io.dynamo.core.coordination;

import io.dynamo.core.ring.PreferenceList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Sloppy quorum: the first N healthy nodes of a key's preference list. A replica this node routes around is
 * replaced by the next healthy fallback, which holds the copy as a hint for it; a target that then fails is
 * replaced the same way while fallbacks remain.
 *
 * <p>During a ring change a write reaches the replicas of both rings, which on a small cluster can be every node,
 * leaving no fallback. A replica of one ring is then stood in for by a replica of the other ring, as the
 * fallback its own ring would have picked: the stand-in gets a second copy, as a hint, that counts only in the
 * replica's groups the stand-in is not a replica of ({@link WriteQuorum}). Without this, one stopped replica of either ring would hold every write of its
 * partitions below W until the change ends, and the change cannot end without it.
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
     * and the new ring's), each node once as a replica; the fallbacks are the last list's, less any replica of
     * another list, then the replicas of one list standing in for those of another.
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
        // Only a ring change has two lists, and only then may a replica of one stand in for a replica of another.
        List<String> crossSpares = new ArrayList<>();
        List<Set<String>> groups = List.of();
        if (lists.size() > 1) {
            replicas.stream().filter(routable).forEach(crossSpares::add);
            groups = lists.stream().map(l -> Set.copyOf(l.replicas())).toList();
        }
        List<Target> targets = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        for (String replica : replicas) {
            if (routable.test(replica)) {
                targets.add(Target.replica(replica));
            } else {
                List<Target> standIns = standIns(replica, spares, crossSpares, groups);
                targets.addAll(standIns);
                if (standIns.isEmpty()) {
                    uncovered.add(replica);
                }
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

    /**
     * Stand-ins for a replica routed around from the start: a fallback outside every list covers all of the
     * replica's groups. Else replicas of another list, each used once (so that none stands in twice in one group),
     * until each of the replica's groups has one it is not in. Only here: a target that fails later is replaced by
     * fallbacks alone ({@link #replace}), so that {@link #sparesLeft} counts exactly what may still answer.
     */
    private static List<Target> standIns(String owner, Deque<String> spares, List<String> crossSpares,
                                         List<Set<String>> groups) {
        String next = spares.poll();
        if (next != null) {
            return List.of(new Target(next, owner));
        }
        List<Set<String>> open = new ArrayList<>(groups.stream().filter(l -> l.contains(owner)).toList());
        List<Target> chosen = new ArrayList<>();
        for (Iterator<String> it = crossSpares.iterator(); it.hasNext() && !open.isEmpty(); ) {
            String node = it.next();
            if (!node.equals(owner) && open.removeIf(l -> !l.contains(node))) {
                it.remove();
                chosen.add(new Target(node, owner));
            }
        }
        return chosen;
    }

    public synchronized int sparesLeft() {
        return spares.size();
    }
}
