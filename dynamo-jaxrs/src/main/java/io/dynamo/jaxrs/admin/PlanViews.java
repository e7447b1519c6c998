package io.dynamo.jaxrs.admin;

import io.dynamo.api.MoveBody;
import io.dynamo.api.PartitionCountBody;
import io.dynamo.api.PlanBody;
import io.dynamo.core.ring.PartitionPlan;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A join or leave plan as the wire shows it. */
final class PlanViews {
    static final String JOIN = "join";
    static final String LEAVE = "leave";

    private PlanViews() {
    }

    /** @param weight the newcomer's weight for a join, null for a leave */
    static PlanBody of(String self, String operation, String node, Integer weight, PartitionPlan plan,
                       boolean committed) {
        Map<String, Integer> before = plan.from().counts();
        Map<String, Integer> after = plan.to().counts();
        TreeSet<String> nodes = new TreeSet<>(before.keySet());
        nodes.addAll(after.keySet());
        List<PartitionCountBody> counts = nodes.stream()
                .map(n -> new PartitionCountBody(n, before.getOrDefault(n, 0), after.getOrDefault(n, 0)))
                .toList();
        List<MoveBody> moves = plan.moves().stream()
                .map(m -> new MoveBody(m.partition(), m.from(), m.to()))
                .toList();
        return new PlanBody(self, operation, node, weight, committed, plan.from().version(), plan.to().version(),
                moves, counts);
    }
}
