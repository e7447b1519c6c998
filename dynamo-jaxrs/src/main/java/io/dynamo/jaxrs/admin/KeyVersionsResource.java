package io.dynamo.jaxrs.admin;

import io.dynamo.api.KeyVersionsBody;
import io.dynamo.core.base.Key;
import io.dynamo.core.node.NodeView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A key's versions on each of its replicas (and on any fallback holding a hint for it). */
@Path("admin/keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeyVersionsResource {
    @Inject
    NodeView node;

    /** The key is read like {@code /kv/{key}}: percent-encoded UTF-8. */
    @GET
    @Path("{key}/versions")
    public KeyVersionsBody versions(@Encoded @PathParam("key") String key) {
        Key k = KeyParam.decode(key, node.config().maxKeyBytes());
        int partition = node.placement(k).partition();
        return VersionViews.of(node.id(), k, partition,
                Await.result(node.versionsOnReplicas(k), "reading key '" + k + "' from its replicas"));
    }
}
