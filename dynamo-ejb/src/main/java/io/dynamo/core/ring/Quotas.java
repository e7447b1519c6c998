package io.dynamo.core.ring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How many partitions each member should own: Q split in proportion to weight by largest remainders. */
final class Quotas {

    private Quotas() {
    }

    /**
     * Target partition count per node id. The partitions left after rounding down go to the largest remainders;
     * among equal remainders to the nodes that own more now, so a transition moves as little as possible.
     */
    static Map<String, Integer> of(int q, List<Member> members, Map<String, Integer> currentCounts) {
        long totalWeight = members.stream().mapToLong(Member::weight).sum();
        Map<String, Integer> quota = new HashMap<>();
        Map<String, Long> remainder = new HashMap<>();
        int assigned = 0;
        for (Member m : members) {
            long share = (long) q * m.weight();
            quota.put(m.nodeId(), (int) (share / totalWeight));
            remainder.put(m.nodeId(), share % totalWeight);
            assigned += (int) (share / totalWeight);
        }
        List<Member> order = new ArrayList<>(members);
        order.sort(Comparator.<Member>comparingLong(m -> -remainder.get(m.nodeId()))
                .thenComparingInt(m -> -currentCounts.getOrDefault(m.nodeId(), 0))
                .thenComparing(Member::nodeId));
        for (int i = 0; i < q - assigned; i++) {
            quota.merge(order.get(i).nodeId(), 1, Integer::sum);
        }
        return quota;
    }
}
