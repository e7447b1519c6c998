package io.dynamo.jaxrs.kv;

import io.dynamo.api.DynamoHeaders;
import io.dynamo.core.namespace.NamespaceName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Get, put and delete of a key in a namespace, {@code default} included: the same requests and answers as
 * {@link KvResource}, the namespace's N, R, W and limits applying. A namespace that does not exist is 404
 * {@code namespace_not_found}; the role it requires is checked before (see the security package).
 */
@Path("ns/{namespace}/kv")
@ApplicationScoped
public class NamespacedKvResource {
    private static final String ANY_KEY = "{key}";

    @Inject
    KvResource kv;

    @GET
    @Path(ANY_KEY)
    public CompletionStage<Response> get(@PathParam("namespace") String namespace,
                                         @Encoded @PathParam("key") String key, @QueryParam("r") String r,
                                         @QueryParam("w") String w, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        return kv.get(() -> KeyPath.decode(NamespaceName.check(namespace), key), r, w, headers);
    }

    @PUT
    @Path(ANY_KEY)
    public CompletionStage<Response> put(@PathParam("namespace") String namespace,
                                         @Encoded @PathParam("key") String key, @QueryParam("r") String r,
                                         @QueryParam("w") String w, @QueryParam("dw") String dw,
                                         @HeaderParam(DynamoHeaders.CONTEXT) String context,
                                         @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                         @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                                         @HeaderParam(HttpHeaders.IF_MATCH) List<String> ifMatch,
                                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) List<String> ifNoneMatch,
                                         @HeaderParam(TtlParam.HEADER) String ttlHeader,
                                         @QueryParam("ttl") String ttl, InputStream body) {
        return kv.put(() -> KeyPath.decode(NamespaceName.check(namespace), key), r, w, dw, context, contentType,
                contentLength, ifMatch, ifNoneMatch, new TtlParam(ttlHeader, ttl), body);
    }

    @DELETE
    @Path(ANY_KEY)
    public CompletionStage<Response> delete(@PathParam("namespace") String namespace,
                                            @Encoded @PathParam("key") String key, @QueryParam("r") String r,
                                            @QueryParam("w") String w, @QueryParam("dw") String dw,
                                            @HeaderParam(DynamoHeaders.CONTEXT) String context,
                                            @HeaderParam(HttpHeaders.IF_MATCH) List<String> ifMatch,
                                            @HeaderParam(HttpHeaders.IF_NONE_MATCH) List<String> ifNoneMatch) {
        return kv.delete(() -> KeyPath.decode(NamespaceName.check(namespace), key), r, w, dw, context, ifMatch,
                ifNoneMatch);
    }
}
