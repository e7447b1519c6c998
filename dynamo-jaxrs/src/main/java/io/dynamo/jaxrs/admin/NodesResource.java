package io.dynamo.jaxrs.admin;

import io.dynamo.api.NodesBody;
import io.dynamo.core.node.NodeView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Every node this node knows of, with its health as this node sees it. */
@Path("admin/nodes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NodesResource {
    @Inject
    NodeView node;

    @GET
    public NodesBody nodes() {
        return NodeViews.nodes(node.id(), node.members(), System.currentTimeMillis());
    }
}
