package io.dynamo.jaxrs.admin;

import io.dynamo.api.LimitsBody;
import io.dynamo.core.node.NodeView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** This node's request limits and how often the sibling limits were reached. */
@Path("admin/limits")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LimitsResource {
    @Inject
    NodeView node;

    @GET
    public LimitsBody limits() {
        NodeView.SiblingCounts siblings = node.siblings();
        return new LimitsBody(node.id(), node.config().maxKeyBytes(), node.config().maxValueBytes(), siblings.warn(),
                siblings.max(), siblings.warned(), siblings.refused());
    }
}
