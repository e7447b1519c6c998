package io.dynamo.core.ring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who copies what to whom when the ring goes from one layout to the next, as a pure function of the two. For a
 * partition whose replicas go from {@code old} to {@code new}, the newcomers are {@code new - old}. A replica that
 * leaves the list hands its copy to the newcomers (to every remaining replica when there are none, since some of it
 * may exist nowhere else); when nobody leaves and the list only grew (a cluster smaller than N), the first old
 * replica feeds the newcomers. Every newcomer is fed by every replica that leaves, so it ends up with the union of
 * their copies. A dead replica dropped by the change (removed, or replaced while down) streams nothing: every
 * surviving old replica feeds the newcomers instead.
 */
public final class StreamPlan {

    private StreamPlan() {
    }

    /** Every stream of the change, ordered by partition, source and target. */
    public static List<PartitionStream> of(Ring before, Ring after, int n) {
        return of(before, after, n, Set.of());
    }

    /** Every stream of a change that drops the dead nodes {@code gone}, which cannot stream. */
    public static List<PartitionStream> of(Ring before, Ring after, int n, Set<String> gone) {
        TreeSet<PartitionStream> all = new TreeSet<>();
        for (int p = 0; p < after.partitionCount(); p++) {
            for (String source : before.preferenceList(p, n).replicas()) {
                for (String target : targets(source, before, after, n, p, gone)) {
                    all.add(new PartitionStream(p, source, target));
                }
            }
        }
        return List.copyOf(all);
    }

    /** Where {@code source} must copy {@code partition}; empty when it has nothing to hand over. */
    public static List<String> targets(String source, Ring before, Ring after, int n, int partition) {
        return targets(source, before, after, n, partition, Set.of());
    }

    /** Where {@code source} must copy {@code partition} in a change that drops the dead nodes {@code gone}. */
    public static List<String> targets(String source, Ring before, Ring after, int n, int partition,
                                       Set<String> gone) {
        List<String> oldReplicas = before.preferenceList(partition, n).replicas();
        List<String> newReplicas = after.preferenceList(partition, n).replicas();
        if (!oldReplicas.contains(source) || gone.contains(source)) {
            return List.of();
        }
        List<String> newcomers = new ArrayList<>(newReplicas);
        newcomers.removeAll(oldReplicas);
        if (!newcomers.isEmpty() && oldReplicas.stream().anyMatch(gone::contains)) {
            // A dead replica cannot hand its copy over: every surviving one does, so the newcomers get their union.
            return newcomers;
        }
        if (!newReplicas.contains(source)) {
            return newcomers.isEmpty() ? newReplicas : newcomers;
        }
        boolean nobodyLeaves = newReplicas.containsAll(oldReplicas);
        if (nobodyLeaves && !newcomers.isEmpty() && oldReplicas.get(0).equals(source)) {
            return newcomers;
        }
        return List.of();
    }
}
