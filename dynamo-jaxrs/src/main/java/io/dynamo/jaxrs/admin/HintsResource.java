package io.dynamo.jaxrs.admin;

import io.dynamo.api.HintsBody;
import io.dynamo.core.node.NodeView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The hints this node holds for unreachable replicas. */
@Path("admin/hints")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HintsResource {
    @Inject
    NodeView node;

    @GET
    public HintsBody hints() {
        return NodeViews.hints(node.id(), node.hints(), System.currentTimeMillis());
    }
}
