package io.dynamo.core.coordination;

import java.util.List;
import java.util.Set;

/**
 * Counts a write's acknowledgements against W in every replica group, and those that say the write was synced
 * against dw. One group in steady state; during a ring change, the previous ring's replicas and the new ring's, so
 * that the write is in W copies whichever ring the next read uses. An acknowledgement counts for each group its
 * owner (the replica itself, or the replica a stand-in holds a hint for) belongs to, unless the stand-in is a
 * replica of that group itself; a synced one counts once
 * towards dw. Pure, so its arithmetic is tested on its own.
 */
public final class WriteQuorum {
    private final int required;
    private final int requiredSynced;
    private final List<Set<String>> groups;
    private final int[] acks;
    private final int[] outstanding;
    private int synced;
    private int outstandingTotal;

    /** One group: every acknowledgement counts. */
    public WriteQuorum(int required) {
        this(required, 0, List.of());
    }

    /** @param requiredSynced dw, at most {@code required} */
    public WriteQuorum(int required, int requiredSynced) {
        this(required, requiredSynced, List.of());
    }

    /**
     * @param requiredSynced dw, at most {@code required}
     * @param groups         the owners that count in each group; empty for a single group of every owner
     */
    public WriteQuorum(int required, int requiredSynced, List<Set<String>> groups) {
        this.required = required;
        this.requiredSynced = requiredSynced;
        this.groups = List.copyOf(groups);
        this.acks = new int[Math.max(1, groups.size())];
        this.outstanding = new int[acks.length];
    }

    public void sent(String owner) {
        sent(Target.replica(owner));
    }

    public void sent(Target target) {
        count(target, outstanding, 1);
        outstandingTotal++;
    }

    public void acked(String owner) {
        acked(owner, false);
    }

    public void acked(String owner, boolean wasSynced) {
        acked(Target.replica(owner), wasSynced);
    }

    public void acked(Target target, boolean wasSynced) {
        count(target, outstanding, -1);
        count(target, acks, 1);
        outstandingTotal--;
        if (wasSynced) {
            synced++;
        }
    }

    public void failed(String owner) {
        failed(Target.replica(owner));
    }

    public void failed(Target target) {
        count(target, outstanding, -1);
        outstandingTotal--;
    }

    /** A stand-in counts in its owner's groups except those it is a replica of itself, so no node counts twice. */
    private void count(Target target, int[] counts, int delta) {
        for (int g = 0; g < counts.length; g++) {
            if (groups.isEmpty() || groups.get(g).contains(target.owner())
                    && (!target.isStandIn() || !groups.get(g).contains(target.node()))) {
                counts[g] += delta;
            }
        }
    }

    public boolean reached() {
        for (int ack : acks) {
            if (ack < required) {
                return false;
            }
        }
        return synced >= requiredSynced;
    }

    /**
     * True when in some group even every outstanding request plus {@code replacements} more could not reach W, or
     * the outstanding ones could not reach dw: a replacement is asked only for a target that failed, never for one
     * that answered without syncing.
     */
    public boolean unreachable(int replacements) {
        for (int g = 0; g < acks.length; g++) {
            if (acks[g] + outstanding[g] + replacements < required) {
                return true;
            }
        }
        return syncedShort();
    }

    /** The acknowledgements of the group with the fewest: what an error reports. */
    public int acks() {
        int fewest = Integer.MAX_VALUE;
        for (int ack : acks) {
            fewest = Math.min(fewest, ack);
        }
        return fewest;
    }

    /** The acknowledgements counted in one group. */
    public int acks(int group) {
        return acks[group];
    }

    /** The acknowledgements, plus those still awaited, of the group with the fewest. */
    public int reachable() {
        int g = shortestGroup();
        return acks[g] + outstanding[g];
    }

    /** The group with the fewest acknowledgements and awaited ones (0 with one group): the one that falls short. */
    public int shortestGroup() {
        int shortest = 0;
        for (int g = 1; g < acks.length; g++) {
            int reachable = acks[g] + outstanding[g];
            int shortestReachable = acks[shortest] + outstanding[shortest];
            if (reachable < shortestReachable || reachable == shortestReachable && acks[g] < acks[shortest]) {
                shortest = g;
            }
        }
        return shortest;
    }

    /**
     * True when every request sent has answered or failed. The coordinator asks a spare only for a target that failed,
     * so with nothing outstanding no acknowledgement can come any more, whatever spares are left.
     */
    public boolean settledAll() {
        return outstandingTotal == 0;
    }

    /** True when W acknowledgements may still come but dw synced ones cannot. */
    public boolean syncedShort() {
        return synced + outstandingTotal < requiredSynced;
    }

    public int syncedAcks() {
        return synced;
    }

    public int requiredSynced() {
        return requiredSynced;
    }

    public int required() {
        return required;
    }
}
