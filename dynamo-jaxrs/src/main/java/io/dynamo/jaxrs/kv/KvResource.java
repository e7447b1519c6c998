package io.dynamo.jaxrs.kv;

import io.dynamo.api.DynamoHeaders;
import io.dynamo.api.ErrorCode;
import io.dynamo.core.base.InvalidKeyException;
import io.dynamo.core.base.Key;
import io.dynamo.core.node.KeyValueService;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.node.WriteCondition;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import io.dynamo.jaxrs.metrics.RequestTimers;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Get, put and delete of one key; see the package documentation for how keys and parameters are read.
 *
 * <p>Application scoped: one instance serves every request (it keeps no per-request state; the request's values
 * arrive as parameters). A request-scoped resource cost a CDI creation per request, with the node and its settings
 * produced and injected again each time, which took more of a put's CPU time than the put itself.
 *
 * <p>Each method returns a stage: JAX-RS suspends the request until the node answers, so no HTTP thread waits for
 * the replicas. Refused input throws at once; the node's failures fail the stage; the exception mappers turn both
 * into the same JSON errors.
 */
@Path("kv")
@ApplicationScoped
public class KvResource {
    private static final String ANY_KEY = "{key}";

    @Inject
    KeyValueService keyValues;

    @Inject
    NodeConfig config;

    @Inject
    RequestTimers timers;

    @Inject
    AnswerWriters writer;

    @GET
    @Path(ANY_KEY)
    public CompletionStage<Response> get(@Encoded @PathParam("key") String key, @QueryParam("r") String r,
                                         @QueryParam("w") String w, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        return get(() -> KeyPath.decode(key), r, w, headers);
    }

    /** A get of a key in any namespace: {@link NamespacedKvResource} comes here. */
    CompletionStage<Response> get(Supplier<Key> key, String r, String w, HttpHeaders headers) {
        return timed(timers::get, () -> {
            Key k = key.get();
            OptionalInt readQuorum = QuorumParam.parse("r", r);
            QuorumParam.parse("w", w);
            boolean json = ReadResponses.prefersJson(headers.getAcceptableMediaTypes());
            return AsyncAnswer.of(keyValues.get(k, readQuorum),
                    result -> result.found() ? ReadResponses.of(result, json) : notFound(k, result.context()), writer);
        });
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
                                         InputStream body) {
        return put(() -> KeyPath.decode(key), r, w, dw, context, contentType, contentLength, ifMatch, ifNoneMatch,
                body);
    }

    /** A put of a key in any namespace: {@link NamespacedKvResource} comes here. */
    CompletionStage<Response> put(Supplier<Key> key, String r, String w, String dw, String context,
                                  String contentType, String contentLength, List<String> ifMatch,
                                  List<String> ifNoneMatch, InputStream body) {
        return timed(timers::put, () -> {
            Key k = key.get();
            OptionalInt readQuorum = QuorumParam.parse("r", r);
            OptionalInt writeQuorum = QuorumParam.parse("w", w);
            OptionalInt durableWrites = QuorumParam.durableWrites(dw);
            Context seen = Context.decode(context);
            WriteCondition condition = EntityTags.condition(ifMatch, ifNoneMatch);
            Value value = Value.of(BoundedBody.read(body, contentLength, config.maxValueBytes()), contentType);
            return AsyncAnswer.of(write(condition, k, seen, value, readQuorum, writeQuorum, durableWrites),
                    KvResource::written, writer);
        });
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
        return timed(timers::delete, () -> {
            Key k = key.get();
            OptionalInt readQuorum = QuorumParam.parse("r", r);
            OptionalInt writeQuorum = QuorumParam.parse("w", w);
            OptionalInt durableWrites = QuorumParam.durableWrites(dw);
            Context seen = Context.decode(context);
            WriteCondition condition = EntityTags.condition(ifMatch, ifNoneMatch);
            return AsyncAnswer.of(write(condition, k, seen, Value.tombstone(), readQuorum, writeQuorum,
                    durableWrites), KvResource::written, writer);
        });
    }

    /** A plain put or delete, or, with a condition, one the node checks against the key's versions read at R. */
    private CompletionStage<Context> write(WriteCondition condition, Key key, Context seen, Value value,
                                           OptionalInt readQuorum, OptionalInt writeQuorum,
                                           OptionalInt durableWrites) {
        if (!condition.isNone()) {
            return keyValues.writeIf(condition, key, seen, value, readQuorum, writeQuorum, durableWrites);
        }
        return value.isTombstone() ? keyValues.delete(key, seen, writeQuorum, durableWrites)
                : keyValues.put(key, seen, value, writeQuorum, durableWrites);
    }

    /** Records the request's latency when its answer is ready, refused input included. */
    private static CompletionStage<Response> timed(LongConsumer timer, Supplier<CompletionStage<Response>> request) {
        long start = System.nanoTime();
        CompletionStage<Response> answer;
        try {
            answer = request.get();
        } catch (RuntimeException e) {
            timer.accept(start);
            throw e;
        }
        // Not the stage whenComplete returns: that one would wrap a failure in a CompletionException.
        answer.whenComplete((response, failure) -> timer.accept(start));
        return answer;
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

    private static Response written(Context context) {
        Response.ResponseBuilder answer = Response.noContent().header(DynamoHeaders.CONTEXT, context.encode());
        EntityTags.of(context).ifPresent(tag -> answer.header(HttpHeaders.ETAG, tag));
        return answer.build();
    }

    /** A deleted key still has a context (its tombstones); hand it out so a re-put supersedes the delete. */
    private static Response notFound(Key key, Context context) {
        Response.ResponseBuilder answer = Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorCode.NOT_FOUND.body("key '" + key + "' has no value"));
        if (!context.equals(Context.EMPTY)) {
            answer.header(DynamoHeaders.CONTEXT, context.encode());
            EntityTags.of(context).ifPresent(tag -> answer.header(HttpHeaders.ETAG, tag));
        }
        return answer.build();
    }
}
