package io.dynamo.jaxrs.admin;

import io.dynamo.api.PlanBody;
import io.dynamo.core.node.NodeAdmin;
import io.dynamo.core.node.NodeView;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.Ring;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/** Adding a node to the ring: first the plan for review, then its commit. */
@Path("admin/join")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class JoinResource {
    @Inject
    NodeView node;

    @Inject
    NodeAdmin admin;

    /** What the join would move; nothing changes. */
    @POST
    public PlanBody plan(InputStream body) {
        MembershipChange join = MembershipRequests.join(body, false);
        return PlanViews.of(node.id(), PlanViews.JOIN, join.node(), join.weight(), plan(node.ring(), join), false);
    }

    /**
     * Makes the same plan again from the current ring and commits it, if that ring is still the one the reviewed
     * plan started from (plans are a pure function of the ring and the request); else 409 {@code stale_plan}.
     */
    @POST
    @Path("commit")
    public PlanBody commit(InputStream body) {
        MembershipChange join = MembershipRequests.join(body, true);
        Ring ring = Plans.requireVersion(node.ring(), join.ringVersion(), node.id());
        PartitionPlan plan = plan(ring, join);
        Await.result(admin.commit(plan), "the commit of the join of node " + join.node());
        return PlanViews.of(node.id(), PlanViews.JOIN, join.node(), join.weight(), plan, true);
    }

    private PartitionPlan plan(Ring ring, MembershipChange join) {
        if (ring.contains(join.node())) {
            throw new InvalidRequestException("field 'node' = \"" + join.node() + "\" is already a member of ring v"
                    + ring.version() + "; to change its weight, make it leave and join again");
        }
        return admin.planJoin(ring, new Member(join.node(), join.weight()));
    }
}
