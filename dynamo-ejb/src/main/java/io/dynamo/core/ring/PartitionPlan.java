package io.dynamo.core.ring;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A proposed ring change, shown to the operator before it is committed: the ring before, the ring after (one
 * version later), every partition that changes owner, ascending by partition, and the changes it was planned from.
 */
public record PartitionPlan(Ring from, Ring to, List<PartitionMove> moves, List<RingChange> changes) {

    public PartitionPlan(Ring from, Ring to, List<PartitionMove> moves) {
        this(from, to, moves, List.of());
    }

    public PartitionPlan {
        moves = List.copyOf(moves);
        changes = List.copyOf(changes);
        if (to.version() != from.version() + 1) {
            throw new IllegalArgumentException("a plan goes from ring v" + from.version() + " to v"
                    + (from.version() + 1) + ", not v" + to.version());
        }
    }

    public List<PartitionMove> movesTo(String nodeId) {
        return moves.stream().filter(m -> m.to().equals(nodeId)).toList();
    }

    public List<PartitionMove> movesFrom(String nodeId) {
        return moves.stream().filter(m -> m.from().equals(nodeId)).toList();
    }

    @Override
    public String toString() {
        String summary = moves.stream()
                .collect(Collectors.groupingBy(m -> m.from() + "->" + m.to(), java.util.TreeMap::new,
                        Collectors.counting()))
                .entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
        return "Plan[" + from + " => " + to + ", " + moves.size() + " moves: " + summary + "]";
    }
}
