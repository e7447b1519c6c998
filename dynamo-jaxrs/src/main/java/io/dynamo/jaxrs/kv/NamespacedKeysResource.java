package io.dynamo.jaxrs.kv;

import io.dynamo.api.KeysBody;
import io.dynamo.core.namespace.NamespaceName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * Listing the keys of one namespace ({@code GET /ns/{namespace}/keys}): the same pages as {@link KeysResource}; an
 * unknown namespace is 404 {@code namespace_not_found}, and the namespace's role is checked before, as for its keys.
 * {@link KvFilter} leaves this path to JAX-RS: it serves only {@code ns/{namespace}/kv/{key}}.
 */
@Path("ns/{namespace}/keys")
@ApplicationScoped
public class NamespacedKeysResource {
    @Inject
    KeysResource keys;

    @GET
    @Produces({MediaType.APPLICATION_JSON, KeysBody.NDJSON})
    public CompletionStage<Response> list(@PathParam("namespace") String namespace,
                                          @QueryParam("prefix") String prefix, @QueryParam("limit") String limit,
                                          @QueryParam("cursor") String cursor,
                                          @jakarta.ws.rs.core.Context HttpHeaders headers) {
        return keys.list(NamespaceName.check(namespace), prefix, limit, cursor, headers);
    }
}
