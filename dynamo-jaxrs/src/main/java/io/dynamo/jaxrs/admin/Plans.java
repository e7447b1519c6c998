package io.dynamo.jaxrs.admin;

import io.dynamo.core.membership.StalePlanException;
import io.dynamo.api.PlanBody;
import io.dynamo.core.node.NodeAdmin;
import io.dynamo.core.node.NodeView;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingChange;
import java.util.List;
import java.util.stream.Collectors;

/** The commit half of plan-then-commit. */
final class Plans {
    private Plans() {
    }

    /**
     * The current ring, if it is the one the reviewed plan started from. A commit re-makes the plan from it; plans
     * are a pure function of the ring and the request, so it is the plan that was reviewed. (Should the ring change
     * between this check and the commit, the membership service refuses the commit with the same exception.)
     *
     * @throws StalePlanException (409 {@code stale_plan}) when the ring changed since the plan was made
     */
    static Ring requireVersion(Ring current, long reviewed, String self) {
        if (current.version() != reviewed) {
            throw new StalePlanException(reviewed, current.version(), "the plan was made from ring v" + reviewed
                    + " but node " + self + " now has ring v" + current.version()
                    + "; the ring changed since the plan was made: plan again and review the new plan");
        }
        return current;
    }

    /** The plan of the changes from {@code ring}; a change the ring cannot take is 400 naming it. */
    static PartitionPlan plan(NodeAdmin admin, Ring ring, List<RingChange> changes) {
        try {
            return admin.plan(ring, changes);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    /** Plans the request from the current ring; nothing changes. */
    static PlanBody preview(NodeView node, NodeAdmin admin, String operation, PlannedChanges request) {
        return PlanViews.of(node.id(), operation, plan(admin, node.ring(), request.changes()), false);
    }

    /**
     * Plans the request again from the current ring, if it is still the one the reviewed plan started from, and
     * commits it through the claimant.
     */
    static PlanBody commit(NodeView node, NodeAdmin admin, String operation, PlannedChanges request) {
        Ring ring = requireVersion(node.ring(), request.ringVersion(), node.id());
        PartitionPlan plan = plan(admin, ring, request.changes());
        Await.result(admin.commit(plan), "the commit of " + request.changes().stream().map(RingChange::toString)
                .collect(Collectors.joining(", ")));
        return PlanViews.of(node.id(), operation, plan, true);
    }
}
