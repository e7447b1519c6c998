package io.dynamo.client;

import io.dynamo.api.KeyPaths;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The key-value operations of {@link DynamoClient} on the keys of one namespace ({@link DynamoClient#namespace}).
 * Requests are not routed to the key's coordinator (the client does not place namespaced keys yet): any node takes
 * them and forwards them, one hop more than a default key's request.
 */
public final class NamespaceClient {
    private final DynamoClient client;
    private final String prefix;

    NamespaceClient(DynamoClient client, String namespace) {
        this.client = client;
        this.prefix = "ns/" + KeyPaths.encode(Objects.requireNonNull(namespace, "namespace")) + "/kv/";
    }

    /** Reads the key with the namespace's R. */
    public Versions get(String key) {
        return get(key, ReadOptions.defaults());
    }

    /** As {@link DynamoClient#get(String, ReadOptions)}; an unknown namespace is 404 {@code namespace_not_found}. */
    public Versions get(String key, ReadOptions options) {
        String path = prefix + KeyPaths.segment(key) + Quorums.query("r", options.r());
        return client.execute(new NodeHttp.Request("GET", path, key, MediaType.WILDCARD, Map.of(), null), null,
                Answers::versions);
    }

    /** Writes with the namespace's W. */
    public String put(String key, String context, byte[] value, String contentType) {
        return put(key, context, value, contentType, WriteOptions.defaults());
    }

    /** As {@link DynamoClient#put(String, String, byte[], String, WriteOptions)}; returns the new context. */
    public String put(String key, String context, byte[] value, String contentType, WriteOptions options) {
        Objects.requireNonNull(value, "value");
        MediaType type = DynamoClient.mediaType(contentType == null ? Sibling.OCTET_STREAM : contentType);
        String path = prefix + KeyPaths.segment(key) + options.query();
        return client.execute(new NodeHttp.Request("PUT", path, key, null,
                DynamoClient.writeHeaders(context, options), Entity.entity(value.clone(), type)), null,
                Answers::context);
    }

    /** Deletes with the namespace's W. */
    public String delete(String key, String context) {
        return delete(key, context, WriteOptions.defaults());
    }

    /** As {@link DynamoClient#delete(String, String, WriteOptions)}; returns the tombstone's context. */
    public String delete(String key, String context, WriteOptions options) {
        options.forDelete();
        String path = prefix + KeyPaths.segment(key) + options.query();
        return client.execute(new NodeHttp.Request("DELETE", path, key, null,
                DynamoClient.writeHeaders(context, options), null), null, Answers::context);
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
