package io.dynamo.client;

import io.dynamo.api.KeyPaths;
import io.dynamo.api.KeysBody;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The key-value operations of {@link DynamoClient} on the keys of one namespace ({@link DynamoClient#namespace}).
 * Each request goes to the key's coordinator, placed as the nodes place a key of the namespace ({@link RingPosition}),
 * so it is served without a hop, and falls back along the key's preference list as a default key's request does.
 */
public final class NamespaceClient {
    private final DynamoClient client;
    private final String namespace;
    private final String prefix;
    private final String keysPath;

    NamespaceClient(DynamoClient client, String namespace) {
        this.client = client;
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.prefix = "ns/" + KeyPaths.encode(namespace) + "/kv/";
        this.keysPath = "ns/" + KeyPaths.encode(namespace) + "/keys";
    }

    /**
     * As {@link DynamoClient#keys(String)}, for this namespace's keys ({@code ns/{namespace}/keys}); an unknown
     * namespace throws {@link DynamoClientException} 404 {@code namespace_not_found} when the first key is wanted.
     */
    public Stream<String> keys(String keyPrefix) {
        return keys(keyPrefix, KeysBody.DEFAULT_LIMIT);
    }

    /** As {@link DynamoClient#keys(String, int)}, for this namespace's keys. */
    public Stream<String> keys(String keyPrefix, int pageSize) {
        return KeyPages.stream(client, keysPath, keyPrefix, pageSize);
    }

    /** Reads the key with the namespace's R. */
    public Versions get(String key) {
        return get(key, ReadOptions.defaults());
    }

    /** As {@link DynamoClient#get(String, ReadOptions)}; an unknown namespace is 404 {@code namespace_not_found}. */
    public Versions get(String key, ReadOptions options) {
        byte[] keyBytes = KeyPaths.forRequest(key);
        String path = prefix + KeyPaths.encode(keyBytes) + Quorums.query("r", options.r());
        return client.execute(new NodeHttp.Request("GET", path, key, MediaType.WILDCARD, Map.of(), null),
                RingPosition.in(namespace, keyBytes), Answers::versions);
    }

    /** Writes with the namespace's W. */
    public String put(String key, String context, byte[] value, String contentType) {
        return put(key, context, value, contentType, WriteOptions.defaults());
    }

    /** As {@link DynamoClient#put(String, String, byte[], String, WriteOptions)}; returns the new context. */
    public String put(String key, String context, byte[] value, String contentType, WriteOptions options) {
        Objects.requireNonNull(value, "value");
        MediaType type = DynamoClient.mediaType(contentType == null ? Sibling.OCTET_STREAM : contentType);
        byte[] keyBytes = KeyPaths.forRequest(key);
        String path = prefix + KeyPaths.encode(keyBytes) + options.query();
        return client.execute(new NodeHttp.Request("PUT", path, key, null,
                DynamoClient.writeHeaders(context, options), Entity.entity(value.clone(), type)),
                RingPosition.in(namespace, keyBytes), Answers::context);
    }

    /** Deletes with the namespace's W. */
    public String delete(String key, String context) {
        return delete(key, context, WriteOptions.defaults());
    }

    /** As {@link DynamoClient#delete(String, String, WriteOptions)}; returns the tombstone's context. */
    public String delete(String key, String context, WriteOptions options) {
        options.forDelete();
        byte[] keyBytes = KeyPaths.forRequest(key);
        String path = prefix + KeyPaths.encode(keyBytes) + options.query();
        return client.execute(new NodeHttp.Request("DELETE", path, key, null,
                DynamoClient.writeHeaders(context, options), null), RingPosition.in(namespace, keyBytes),
                Answers::context);
    }

    /** As {@link DynamoClient#getAll(List, ReadOptions)}, at {@code ns/{namespace}/kv/_mget}. */
    public List<BatchResult<Versions>> getAll(List<String> keys, ReadOptions options) {
        return client.execute(Batches.read(prefix, keys, options), null, Batches::reads);
    }

    /** As {@link DynamoClient#putAll(List, WriteOptions)}, at {@code ns/{namespace}/kv/_mput}. */
    public List<BatchResult<String>> putAll(List<BatchWrite> writes, WriteOptions options) {
        return client.execute(Batches.write(prefix, writes, options), null, Batches::writes);
    }
}
