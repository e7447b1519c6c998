package io.dynamo.jaxrs.admin;

import io.dynamo.api.KeyPlacementBody;
import io.dynamo.api.RingBody;
import io.dynamo.core.node.NodeView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The ring, and where a key lives in it. */
@Path("admin/ring")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RingResource {
    @Inject
    NodeView node;

    @GET
    public RingBody ring() {
        return RingViews.ring(node.id(), node.config(), node.ring());
    }

    /** The key is read like {@code /kv/{key}}: percent-encoded UTF-8. */
    @GET
    @Path("key/{key}")
    public KeyPlacementBody key(@Encoded @PathParam("key") String key) {
        return RingViews.placement(node.id(), node.placement(KeyParam.decode(key, node.config().maxKeyBytes())),
                System.currentTimeMillis());
    }
}
