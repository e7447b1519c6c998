package io.dynamo.core.coordination;

import java.util.List;
import java.util.Set;

/**
 * Counts a write's acknowledgements against W in every replica group: one group in steady state, the previous
 * ring's replicas and the new ring's during a ring change, so that the write is in W copies whichever ring the
 * next read uses. An acknowledgement counts for each group its owner (the replica itself, or the replica a
 * stand-in holds a hint for) belongs to. Pure, so its arithmetic is tested on its own.
 */
public final class WriteQuorum {
    private final int required;
    private final List<Set<String>> groups;
    private final int[] acks;
    private final int[] outstanding;

    /** One group: every acknowledgement counts. */
    public WriteQuorum(int required) {
        this(required, List.of());
    }

    /** @param groups the owners that count in each group; empty for a single group of every owner */
    public WriteQuorum(int required, List<Set<String>> groups) {
        this.required = required;
        this.groups = List.copyOf(groups);
        this.acks = new int[Math.max(1, groups.size())];
        this.outstanding = new int[acks.length];
    }

    public void sent(String owner) {
        count(owner, outstanding, 1);
    }

    public void acked(String owner) {
        count(owner, outstanding, -1);
        count(owner, acks, 1);
    }

    public void failed(String owner) {
        count(owner, outstanding, -1);
    }

    private void count(String owner, int[] counts, int delta) {
        for (int g = 0; g < counts.length; g++) {
            if (groups.isEmpty() || groups.get(g).contains(owner)) {
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
        return true;
    }

    /** True when in some group even every outstanding request plus {@code replacements} more could not reach W. */
    public boolean unreachable(int replacements) {
        for (int g = 0; g < acks.length; g++) {
            if (acks[g] + outstanding[g] + replacements < required) {
                return true;
            }
        }
        return false;
    }

    /** The acknowledgements of the group with the fewest: what an error reports. */
    public int acks() {
        int fewest = Integer.MAX_VALUE;
        for (int ack : acks) {
            fewest = Math.min(fewest, ack);
        }
        return fewest;
    }

    public int required() {
        return required;
    }
}
