package io.dynamo.jaxrs.admin;

import io.dynamo.api.PlanBody;
import io.dynamo.core.node.NodeAdmin;
import io.dynamo.core.node.NodeView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * Removes, replaces and plans of several changes, each first planned for review, then committed: the commit makes
 * the same plan again from the current ring, if it is still the one the reviewed plan started from (else 409
 * {@code stale_plan}), and hands it to the claimant.
 */
@Path("admin")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RingChangesResource {
    @Inject
    NodeView node;

    @Inject
    NodeAdmin admin;

    /** Taking a dead node out: its partitions are placed as for a leave and copied from the other replicas. */
    @POST
    @Path("remove")
    public PlanBody remove(InputStream body) {
        return Plans.preview(node, admin, PlanViews.REMOVE, MembershipRequests.remove(body, false));
    }

    /** A node that still answers the claimant is refused (409 {@code change_refused}): it should leave instead. */
    @POST
    @Path("remove/commit")
    public PlanBody commitRemove(InputStream body) {
        return Plans.commit(node, admin, PlanViews.REMOVE, MembershipRequests.remove(body, true));
    }

    /** Replacing a node, running or dead, by a new one that takes exactly its partitions. */
    @POST
    @Path("replace")
    public PlanBody replace(InputStream body) {
        return Plans.preview(node, admin, PlanViews.REPLACE, MembershipRequests.replace(body, false));
    }

    /**
     * The new node must have announced itself (409 {@code join_refused} otherwise); a replaced node that does not
     * answer the claimant is dropped as dead, the other replicas copying its partitions.
     */
    @POST
    @Path("replace/commit")
    public PlanBody commitReplace(InputStream body) {
        return Plans.commit(node, admin, PlanViews.REPLACE, MembershipRequests.replace(body, true));
    }

    /**
     * New N, R and W for the cluster, kept with the ring: the keys' new replicas get their copies as in a node
     * change, and reads move to them once the copies are confirmed.
     */
    @POST
    @Path("settings")
    public PlanBody settings(InputStream body) {
        return Plans.preview(node, admin, PlanViews.SETTINGS, MembershipRequests.settings(body, false));
    }

    /** Refused (409 {@code change_refused}) while a node of an older release, which walks its own N, takes part. */
    @POST
    @Path("settings/commit")
    public PlanBody commitSettings(InputStream body) {
        return Plans.commit(node, admin, PlanViews.SETTINGS, MembershipRequests.settings(body, true));
    }

    /** Several changes (joins, leaves, removes, replaces, settings) made as one: one new ring, one handover. */
    @POST
    @Path("plan")
    public PlanBody plan(InputStream body) {
        return Plans.preview(node, admin, PlanViews.PLAN, MembershipRequests.plan(body, false));
    }

    /** Each change is checked as its own endpoint checks it. */
    @POST
    @Path("plan/commit")
    public PlanBody commitPlan(InputStream body) {
        return Plans.commit(node, admin, PlanViews.PLAN, MembershipRequests.plan(body, true));
    }
}
