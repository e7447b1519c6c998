package io.dynamo.jaxrs.kv;

import io.dynamo.api.KeyPaths;
import io.dynamo.core.base.Causes;
import io.dynamo.core.base.Key;
import io.dynamo.core.namespace.NamespaceSettings;
import io.dynamo.core.node.KeyValueService;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.node.NodeNamespaces;
import io.dynamo.jaxrs.error.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Batches: {@code POST /kv/_mget} reads many keys and {@code POST /kv/_mput} writes many, each key through the
 * node's usual asynchronous path (coordinated here or forwarded to its replicas, as a single request would be), all
 * at once; the answer waits for every key without holding an HTTP thread and lists each key's outcome.
 *
 * <p>POST is declared on {@code {key}}, the template the single-key methods use, rather than on the literal paths:
 * a literal path would take every method of {@code /kv/_mget} away from the key named {@code _mget}. A POST to any
 * other key is refused with 405 as before.
 */
@Path("kv")
@ApplicationScoped
public class BatchResource {
    static final String READ = "_mget";
    static final String WRITE = "_mput";

    @Inject
    KeyValueService keyValues;

    @Inject
    NodeConfig config;

    @Inject
    NodeNamespaces namespaces;

    @Inject
    AnswerWriters writer;

    @Inject
    Failures failures;

    @POST
    @Path("{key}")
    public CompletionStage<Response> post(@Encoded @PathParam("key") String key, @QueryParam("r") String r,
                                          @QueryParam("w") String w, @QueryParam("dw") String dw,
                                          @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        return post(() -> Key.DEFAULT_NAMESPACE, key, r, w, dw, contentLength, body);
    }

    /** A batch in any namespace: {@link NamespacedBatchResource} comes here. */
    CompletionStage<Response> post(Supplier<String> namespace, String key, String r, String w, String dw,
                                   String contentLength, InputStream body) {
        boolean read = isBatch(key, READ);
        if (!read && !isBatch(key, WRITE)) {
            throw new NotAllowedException("GET", new String[] {"HEAD", "PUT", "DELETE", "OPTIONS"});
        }
        BatchRequests.Limits limits = limits(namespace.get());
        BatchRuns runs = new BatchRuns(keyValues, writer, failure -> failures.answer(Causes.unwrap(failure)));
        if (read) {
            OptionalInt readQuorum = QuorumParam.parse("r", r);
            List<String> names = new ArrayList<>();
            List<Key> keys = BatchRequests.keys(BatchRequests.body(body, contentLength, limits), limits, names);
            return runs.read(names, keys, readQuorum);
        }
        OptionalInt writeQuorum = QuorumParam.parse("w", w);
        OptionalInt durableWrites = QuorumParam.durableWrites(dw);
        return runs.write(BatchRequests.writes(BatchRequests.body(body, contentLength, limits), limits), writeQuorum,
                durableWrites);
    }

    /** The namespace's limits (404 when it does not exist), never above the node's. */
    private BatchRequests.Limits limits(String namespace) {
        NamespaceSettings settings = namespaces.require(namespace);
        return new BatchRequests.Limits(namespace, Math.min(settings.maxKeyBytes(), config.maxKeyBytes()),
                Math.min(settings.maxValueBytes(), config.maxValueBytes()));
    }

    private static boolean isBatch(String encodedKey, String name) {
        try {
            return name.equals(new String(KeyPaths.decode(encodedKey), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
