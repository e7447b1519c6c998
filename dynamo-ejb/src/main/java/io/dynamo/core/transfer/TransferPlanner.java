package io.dynamo.core.transfer;

import io.dynamo.core.ring.Ring;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, as a pure function of the rings, what one node streams when the ring changes. For a partition whose
 * replicas go from {@code old} to {@code new}, the targets are {@code new - old}. A node streams when it was a
 * replica and leaves the list (it must hand its copy over and then drop it), or when nobody leaves and it is the
 * first old replica (a list that only grew, in a cluster smaller than N; one copy is enough, anti-entropy covers
 * the rest). A node that leaves with nobody new coming in hands its copy to all the remaining replicas, since
 * some of it may exist nowhere else.
 */
public final class TransferPlanner {

    private TransferPlanner() {
    }

    /** What {@code self} must stream of {@code partition} when the ring goes from {@code before} to {@code after}. */
    public static Optional<TransferSpec> plan(String self, Ring before, Ring after, int n, int partition) {
        List<String> oldReplicas = before.preferenceList(partition, n).replicas();
        List<String> newReplicas = after.preferenceList(partition, n).replicas();
        if (!oldReplicas.contains(self)) {
            return Optional.empty();
        }
        List<String> targets = new ArrayList<>(newReplicas);
        targets.removeAll(oldReplicas);
        if (!newReplicas.contains(self)) {
            return Optional.of(new TransferSpec(partition, targets.isEmpty() ? newReplicas : targets, true));
        }
        boolean nobodyLeaves = newReplicas.containsAll(oldReplicas);
        if (nobodyLeaves && !targets.isEmpty() && oldReplicas.get(0).equals(self)) {
            return Optional.of(new TransferSpec(partition, targets, false));
        }
        return Optional.empty();
    }

    /**
     * Folds a new ring change into a transfer still under way for the partition: targets that are still replicas
     * keep being served, new targets are added, and the data is dropped afterwards exactly when this node is not a
     * replica in the newest ring. Empty when nothing is left to do.
     */
    public static Optional<TransferSpec> combine(String self, Optional<TransferSpec> ongoing,
            Optional<TransferSpec> planned, Ring after, int n) {
        if (ongoing.isEmpty()) {
            return planned;
        }
        int partition = ongoing.get().partition();
        List<String> replicas = after.preferenceList(partition, n).replicas();
        Set<String> targets = new LinkedHashSet<>();
        ongoing.get().targets().stream().filter(replicas::contains).forEach(targets::add);
        planned.ifPresent(p -> targets.addAll(p.targets()));
        boolean drop = !replicas.contains(self);
        if (drop && targets.isEmpty()) {
            targets.addAll(replicas);
        }
        return targets.isEmpty() ? Optional.empty()
                : Optional.of(new TransferSpec(partition, new ArrayList<>(targets), drop));
    }
}
