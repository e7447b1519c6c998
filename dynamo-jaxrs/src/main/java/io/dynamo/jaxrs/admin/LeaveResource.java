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
import java.util.stream.Collectors;

/** Taking a node out of the ring: first the plan for review, then its commit. */
@Path("admin/leave")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LeaveResource {
    @Inject
    NodeView node;

    @Inject
    NodeAdmin admin;

    /** What the leave would move; nothing changes. */
    @POST
    public PlanBody plan(InputStream body) {
        MembershipChange leave = MembershipRequests.leave(body, false);
        return PlanViews.of(node.id(), PlanViews.LEAVE, leave.node(), null, plan(node.ring(), leave), false);
    }

    /**
     * Makes the same plan again from the current ring and commits it, if that ring is still the one the reviewed
     * plan started from; else 409 {@code stale_plan}. The leaving node keeps serving until it has streamed its
     * partitions to their new owners, then marks itself LEFT.
     */
    @POST
    @Path("commit")
    public PlanBody commit(InputStream body) {
        MembershipChange leave = MembershipRequests.leave(body, true);
        Ring ring = Plans.requireVersion(node.ring(), leave.ringVersion(), node.id());
        PartitionPlan plan = plan(ring, leave);
        Await.result(admin.commit(plan), "the commit of the leave of node " + leave.node());
        return PlanViews.of(node.id(), PlanViews.LEAVE, leave.node(), null, plan, true);
    }

    private PartitionPlan plan(Ring ring, MembershipChange leave) {
        if (!ring.contains(leave.node())) {
            throw new InvalidRequestException("field 'node' = \"" + leave.node() + "\" is not a member of ring v"
                    + ring.version() + "; the members are " + ring.members().stream().map(Member::nodeId)
                    .collect(Collectors.joining(", ")));
        }
        if (ring.members().size() == 1) {
            throw new InvalidRequestException("field 'node' = \"" + leave.node() + "\" is the last member of the"
                    + " ring and cannot leave; join another node first so it can take over the partitions");
        }
        return admin.planLeave(ring, leave.node());
    }
}
