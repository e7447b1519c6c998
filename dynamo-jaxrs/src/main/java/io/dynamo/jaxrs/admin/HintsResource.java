package io.dynamo.jaxrs.admin;

import io.dynamo.api.HintsBody;
import io.dynamo.api.HintsPurgedBody;
import io.dynamo.core.node.NodeAdmin;
import io.dynamo.core.node.NodeView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/** The hints this node holds for unreachable replicas. */
@Path("admin/hints")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HintsResource {
    private static final Logger AUDIT = Logger.getLogger(HintsResource.class.getName());
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Inject
    NodeView node;

    @Inject
    NodeAdmin admin;

    @GET
    public HintsBody hints() {
        return NodeViews.hints(node.id(), node.hints(), System.currentTimeMillis());
    }

    /**
     * Drops every hint held for the node, at once and without a plan (for a node that is gone for good, or whose
     * queue is not worth delivering: anti-entropy repairs it). Audited in the log with the user who asked.
     */
    @DELETE
    @Path("{node}")
    public HintsPurgedBody purge(@PathParam("node") String target, @Context SecurityContext security) {
        if (!NODE_ID.matcher(target).matches()) {
            throw new InvalidRequestException("path segment node = '" + (target.length() > 64
                    ? target.substring(0, 64) + "..." : target) + "' is not a node id (1 to 64 letters, digits, "
                    + "'-' or '_')");
        }
        long purged = admin.purgeHints(target);
        String user = security.getUserPrincipal() == null ? "(anonymous)" : security.getUserPrincipal().getName();
        AUDIT.warning(() -> "AUDIT: user " + user + " purged " + purged + " hint(s) held by node " + node.id()
                + " for node " + target);
        return new HintsPurgedBody(node.id(), target, purged);
    }
}
