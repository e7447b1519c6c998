package io.dynamo.jaxrs.kv;

import io.dynamo.api.DynamoHeaders;
import io.dynamo.core.base.InvalidKeyException;
import io.dynamo.core.base.Key;
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
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Get, put and delete of one key through JAX-RS; see the package documentation for how keys and parameters are read.
 * Most such requests never come here: {@link KvFilter} serves the usual ones on the servlet path, with the same
 * {@link KvCalls}. JAX-RS keeps HEAD, OPTIONS, the empty key, and the requests that filter passes on (a path with
 * matrix parameters or an Accept header it does not read), so they are answered exactly as before.
 *
 * <p>Application scoped: one instance serves every request (it keeps no per-request state; the request's values
 * arrive as parameters). Each method returns a stage: JAX-RS suspends the request until the node answers. Refused
 * input throws at once; the node's failures fail the stage; the exception mappers turn both into JSON errors.
 */
@Path("kv")
@ApplicationScoped
public class KvResource {
    private static final String ANY_KEY = "{key}";

    @Inject
    KvCalls calls;

    @GET
    @Path(ANY_KEY)
    public CompletionStage<Response> get(@Encoded @PathParam("key") String key, @QueryParam("r") String r,
                                         @QueryParam("w") String w, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        return get(() -> KeyPath.decode(key), r, w, headers);
    }

    /** A get of a key in any namespace: {@link NamespacedKvResource} comes here. */
    CompletionStage<Response> get(Supplier<Key> key, String r, String w, HttpHeaders headers) {
        boolean json = ReadResponses.prefersJson(headers.getAcceptableMediaTypes());
        return calls.get(key, r, w, json).thenApply(KvResource::response);
    }

    @PUT
    @Path(ANY_KEY)
    public CompletionStage<Response> put(@Encoded @PathParam("key") String key, @QueryParam("r") String r,
                                         @QueryParam("w") String w, @QueryParam("dw") String dw,
                                         @HeaderParam(DynamoHeaders.CONTEXT) String context,
                                         @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                         @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                                         @HeaderParam(HttpHeaders.IF_MATCH) List<String> ifMatch,
                                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) List<String> ifNoneMatch,
                                         @HeaderParam(TtlParam.HEADER) String ttlHeader,
                                         @QueryParam("ttl") String ttl, InputStream body) {
        return put(() -> KeyPath.decode(key), r, w, dw, context, contentType, contentLength, ifMatch, ifNoneMatch,
                new TtlParam(ttlHeader, ttl), body);
    }

    /** A put of a key in any namespace: {@link NamespacedKvResource} comes here. */
    CompletionStage<Response> put(Supplier<Key> key, String r, String w, String dw, String context,
                                  String contentType, String contentLength, List<String> ifMatch,
                                  List<String> ifNoneMatch, TtlParam ttl, InputStream body) {
        return calls.put(key, r, w, dw, context, contentType, contentLength, ifMatch, ifNoneMatch, ttl, body)
                .thenApply(KvResource::response);
    }

    @DELETE
    @Path(ANY_KEY)
    public CompletionStage<Response> delete(@Encoded @PathParam("key") String key, @QueryParam("r") String r,
                                            @QueryParam("w") String w, @QueryParam("dw") String dw,
                                            @HeaderParam(DynamoHeaders.CONTEXT) String context,
                                            @HeaderParam(HttpHeaders.IF_MATCH) List<String> ifMatch,
                                            @HeaderParam(HttpHeaders.IF_NONE_MATCH) List<String> ifNoneMatch) {
        return delete(() -> KeyPath.decode(key), r, w, dw, context, ifMatch, ifNoneMatch);
    }

    /** A delete of a key in any namespace: {@link NamespacedKvResource} comes here. */
    CompletionStage<Response> delete(Supplier<Key> key, String r, String w, String dw, String context,
                                     List<String> ifMatch, List<String> ifNoneMatch) {
        return calls.delete(key, r, w, dw, context, ifMatch, ifNoneMatch).thenApply(KvResource::response);
    }

    /** {@code /kv} and {@code /kv/} name the empty key: refused like any invalid key rather than a bare 404. */
    @GET
    public Response getEmptyKey() {
        throw emptyKey();
    }

    @PUT
    public Response putEmptyKey() {
        throw emptyKey();
    }

    @DELETE
    public Response deleteEmptyKey() {
        throw emptyKey();
    }

    private static InvalidKeyException emptyKey() {
        return new InvalidKeyException("the key is empty; put the percent-encoded key after /kv/");
    }

    private static Response response(KvAnswer answer) {
        Response.ResponseBuilder response = Response.status(answer.status());
        if (answer.body() != null) {
            response.entity(answer.body());
            // Set as a raw header: a value's stored type is echoed exactly as the client sent it.
            response.header(HttpHeaders.CONTENT_TYPE, answer.contentType());
        }
        answer.headers().forEach(response::header);
        if (answer.lastModifiedMillis() >= 0) {
            response.lastModified(new Date(answer.lastModifiedMillis()));
        }
        return response.build();
    }
}
