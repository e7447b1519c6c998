package io.dynamo.client;

import io.dynamo.api.KeyPaths;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The key-value operations on the keys of one namespace, shared by {@link DynamoClient} (the default namespace, at
 * {@code kv/{key}}) and {@link NamespaceClient} (at {@code ns/{namespace}/kv/{key}}): how each request is made, where
 * it is routed ({@link RingPosition}), and which contexts are remembered for {@code update}. The public methods of the
 * two clients document the behaviour.
 */
final class KeySpace {
    private final DynamoClient client;
    private final ContextCache contexts;
    private final String namespace;
    private final String kvPath;
    private final String keysPath;

    private KeySpace(DynamoClient client, ContextCache contexts, String namespace, String kvPath, String keysPath) {
        this.client = client;
        this.contexts = contexts;
        this.namespace = namespace;
        this.kvPath = kvPath;
        this.keysPath = keysPath;
    }

    static KeySpace ofDefault(DynamoClient client, ContextCache contexts) {
        return new KeySpace(client, contexts, RingPosition.DEFAULT_NAMESPACE, "kv/", "keys");
    }

    static KeySpace of(DynamoClient client, ContextCache contexts, String namespace) {
        String encoded = KeyPaths.encode(Objects.requireNonNull(namespace, "namespace"));
        return new KeySpace(client, contexts, namespace, "ns/" + encoded + "/kv/", "ns/" + encoded + "/keys");
    }

    Versions get(String key, ReadOptions options) {
        KeyRequest read = getRequest(key, options);
        return remembered(key, client.execute(read.request(), read.position(), Answers::versions));
    }

    CompletionStage<Versions> getAsync(String key, ReadOptions options) {
        KeyRequest read = getRequest(key, options);
        return unwrapped(client.executeAsync(read.request(), read.position(), Answers::versions)
                .thenApply(v -> remembered(key, v)));
    }

    String put(String key, String context, byte[] value, String contentType, WriteOptions options) {
        KeyRequest write = putRequest(key, context, value, contentType, options);
        return remembered(key, client.execute(write.request(), write.position(), Answers::context));
    }

    CompletionStage<String> putAsync(String key, String context, byte[] value, String contentType,
                                     WriteOptions options) {
        KeyRequest write = putRequest(key, context, value, contentType, options);
        return unwrapped(client.executeAsync(write.request(), write.position(), Answers::context)
                .thenApply(c -> remembered(key, c)));
    }

    String update(String key, byte[] value, String contentType, WriteOptions options) {
        String context = contexts.context(memo(key)).orElseGet(() -> get(key, ReadOptions.defaults()).context());
        return put(key, context, value, contentType, options);
    }

    CompletionStage<String> updateAsync(String key, byte[] value, String contentType, WriteOptions options) {
        Optional<String> known = contexts.context(memo(key));
        if (known.isPresent()) {
            return putAsync(key, known.get(), value, contentType, options);
        }
        putRequest(key, null, value, contentType, options); // refuses bad arguments before the read
        return unwrapped(getAsync(key, ReadOptions.defaults()).thenCompose(read -> putAsync(key, read.context(),
                value, contentType, options)));
    }

    String delete(String key, String context, WriteOptions options) {
        KeyRequest delete = deleteRequest(key, context, options);
        return remembered(key, client.execute(delete.request(), delete.position(), Answers::context));
    }

    CompletionStage<String> deleteAsync(String key, String context, WriteOptions options) {
        KeyRequest delete = deleteRequest(key, context, options);
        return unwrapped(client.executeAsync(delete.request(), delete.position(), Answers::context)
                .thenApply(c -> remembered(key, c)));
    }

    Versions resolve(String key, Function<List<Sibling>, Sibling> merge, ReadOptions read, WriteOptions write) {
        Objects.requireNonNull(merge, "merge");
        Versions current = get(key, read);
        if (!current.hasSiblings()) {
            return current;
        }
        Sibling merged = Objects.requireNonNull(merge.apply(current.siblings()),
                "the merge function returned null; return the merged sibling");
        String context = put(key, current.context(), merged.value(), merged.contentType(), write);
        return new Versions(true, context, List.of(merged));
    }

    List<BatchResult<Versions>> getAll(List<String> keys, ReadOptions options) {
        List<BatchResult<Versions>> results = client.execute(Batches.read(kvPath, keys, options), null,
                Batches::reads);
        results.stream().filter(BatchResult::succeeded).forEach(r -> remembered(r.key(), r.value()));
        return results;
    }

    List<BatchResult<String>> putAll(List<BatchWrite> writes, WriteOptions options) {
        List<BatchResult<String>> results = client.execute(Batches.write(kvPath, writes, options), null,
                Batches::writes);
        results.stream().filter(BatchResult::succeeded).forEach(r -> remembered(r.key(), r.value()));
        return results;
    }

    Stream<String> keys(String prefix, int pageSize) {
        return KeyPages.stream(client, keysPath, prefix, pageSize);
    }

    /** A key's request and the key's ring position, which routes it. */
    private record KeyRequest(NodeHttp.Request request, byte[] position) {
    }

    private KeyRequest getRequest(String key, ReadOptions options) {
        byte[] keyBytes = KeyPaths.forRequest(key);
        String path = kvPath + KeyPaths.encode(keyBytes) + Quorums.query("r", options.r());
        return new KeyRequest(new NodeHttp.Request("GET", path, key, MediaType.WILDCARD, Map.of(), null),
                RingPosition.in(namespace, keyBytes));
    }

    private KeyRequest putRequest(String key, String context, byte[] value, String contentType,
                                  WriteOptions options) {
        Objects.requireNonNull(value, "value");
        byte[] keyBytes = KeyPaths.forRequest(key);
        MediaType type = DynamoClient.mediaType(contentType == null ? Sibling.OCTET_STREAM : contentType);
        String path = kvPath + KeyPaths.encode(keyBytes) + options.query();
        return new KeyRequest(new NodeHttp.Request("PUT", path, key, null, DynamoClient.writeHeaders(context,
                options), Entity.entity(value.clone(), type)), RingPosition.in(namespace, keyBytes));
    }

    private KeyRequest deleteRequest(String key, String context, WriteOptions options) {
        options.forDelete();
        byte[] keyBytes = KeyPaths.forRequest(key);
        String path = kvPath + KeyPaths.encode(keyBytes) + options.query();
        return new KeyRequest(new NodeHttp.Request("DELETE", path, key, null, DynamoClient.writeHeaders(context,
                options), null), RingPosition.in(namespace, keyBytes));
    }

    /**
     * Where the key's context is remembered: the key itself in the default namespace, else the namespace's name and
     * the key after a NUL, which neither a key nor a namespace's name can hold, so no two keys share an entry.
     */
    private String memo(String key) {
        return namespace.equals(RingPosition.DEFAULT_NAMESPACE) ? key : "\0" + namespace + "\0" + key;
    }

    private Versions remembered(String key, Versions read) {
        contexts.remember(memo(key), read.context());
        return read;
    }

    private String remembered(String key, String context) {
        contexts.remember(memo(key), context);
        return context;
    }

    /** The stage, failing with the exception itself rather than the CompletionException a derived stage wraps it in. */
    private static <T> CompletionStage<T> unwrapped(CompletionStage<T> stage) {
        CompletableFuture<T> result = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        });
        return result;
    }
}
