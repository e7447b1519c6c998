package io.dynamo.jaxrs.admin;

import io.dynamo.api.MoveBody;
import io.dynamo.api.PartitionCountBody;
import io.dynamo.api.PlanBody;
import io.dynamo.api.PlanChangeBody;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.RingChange;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A ring change's plan as the wire shows it. */
final class PlanViews {
    static final String JOIN = "join";
    static final String LEAVE = "leave";
    static final String REMOVE = "remove";
    static final String REPLACE = "replace";
    static final String PLAN = "plan";
    static final String SETTINGS = "settings";

    private PlanViews() {
    }

    /** A plan of one remove or replace (naming its node), or of new settings or several changes (naming none). */
    static PlanBody of(String self, String operation, PartitionPlan plan, boolean committed) {
        String node = operation.equals(PLAN) || operation.equals(SETTINGS) ? null : plan.changes().get(0).node();
        return of(self, operation, node, null, plan, committed);
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
        List<PlanChangeBody> changes = plan.changes().stream().map(PlanViews::change).toList();
        return new PlanBody(self, operation, node, weight, committed, plan.from().version(), plan.to().version(),
                moves, counts, changes);
    }

    private static PlanChangeBody change(RingChange c) {
        if (c.kind() == RingChange.Kind.SETTINGS) {
            return new PlanChangeBody(c.kind().label(), null, null, null, c.settings().replicas(),
                    c.settings().readQuorum(), c.settings().writeQuorum());
        }
        return PlanChangeBody.of(c.kind().label(), c.node(), c.kind() == RingChange.Kind.JOIN ? c.weight() : null,
                c.kind() == RingChange.Kind.REPLACE ? c.replacement() : null);
    }
}
