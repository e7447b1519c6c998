package io.dynamo.jaxrs.admin;

import io.dynamo.api.TransfersBody;
import io.dynamo.core.node.NodeView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Partitions this node streams to new replicas after a ring change. */
@Path("admin/transfers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TransfersResource {
    @Inject
    NodeView node;

    @GET
    public TransfersBody transfers() {
        return ActivityViews.transfers(node.id(), node.transfers().progress(), node.transfers().idle(),
                System.currentTimeMillis());
    }
}
