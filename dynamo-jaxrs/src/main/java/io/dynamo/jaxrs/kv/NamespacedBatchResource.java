package io.dynamo.jaxrs.kv;

import io.dynamo.core.namespace.NamespaceName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.concurrent.CompletionStage;

/**
 * Batches of the keys of one namespace ({@code POST /ns/{namespace}/kv/_mget} and {@code _mput}): the same requests
 * and answers as {@link BatchResource}, with the namespace's quorums and limits; an unknown namespace is 404
 * {@code namespace_not_found}, and the namespace's role is checked before, as for its single keys.
 */
@Path("ns/{namespace}/kv")
@ApplicationScoped
public class NamespacedBatchResource {
    @Inject
    BatchResource batches;

    @POST
    @Path("{key}")
    public CompletionStage<Response> post(@PathParam("namespace") String namespace,
                                          @Encoded @PathParam("key") String key, @QueryParam("r") String r,
                                          @QueryParam("w") String w, @QueryParam("dw") String dw,
                                          @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        return batches.post(() -> NamespaceName.check(namespace), key, r, w, dw, contentLength, body);
    }
}
