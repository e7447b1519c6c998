package io.dynamo.jaxrs.kv;

import io.dynamo.api.DynamoHeaders;
import io.dynamo.core.membership.RingUnknownException;
import io.dynamo.core.node.NodeView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Adds {@value DynamoHeaders#RING_VERSION} to every {@code /kv} answer, errors included, while the node knows its ring. A client that
 * routes by the ring (DynamoClient) compares it with its own copy and refetches the ring when the node's is newer,
 * so it learns of a join or leave on the next answer instead of at its next periodic refresh.
 *
 * <p>A CDI bean (application scoped) so that the node is injected by CDI like in the resources; Jersey then uses
 * the bean as the provider.
 */
@Provider
@ApplicationScoped
public class RingVersionFilter implements ContainerResponseFilter {
    @Inject
    NodeView node;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isKeyValue(request.getUriInfo().getPath())) {
            return;
        }
        try {
            response.getHeaders().putSingle(DynamoHeaders.RING_VERSION, Long.toString(node.ring().version()));
        } catch (RingUnknownException e) {
            // No ring yet: nothing to announce; the client keeps routing by what it has.
        }
    }

    /** The path relative to the application, e.g. {@code kv/a%2Fb} (or with a leading slash on some runtimes). */
    static boolean isKeyValue(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals("kv") || p.startsWith("kv/") || p.startsWith("ns/");
    }
}
