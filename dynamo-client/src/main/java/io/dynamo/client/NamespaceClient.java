package io.dynamo.client;

import io.dynamo.api.KeysBody;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The key-value operations of {@link DynamoClient} on the keys of one namespace ({@link DynamoClient#namespace}),
 * each as the call of the same name there documents it, with the namespace's N, R and W as defaults. Each request goes
 * to the key's coordinator, placed as the nodes place a key of the namespace ({@link RingPosition}), and falls back
 * along the key's preference list as a default key's request does. An unknown namespace is a
 * {@link DynamoClientException} 404 {@code namespace_not_found}; a user without the namespace's role gets 403.
 */
public final class NamespaceClient {
    private final KeySpace keys;

    NamespaceClient(KeySpace keys) {
        this.keys = keys;
    }

    /** As {@link DynamoClient#keys(String)}, for this namespace's keys ({@code ns/{namespace}/keys}). */
    public Stream<String> keys(String keyPrefix) {
        return keys(keyPrefix, KeysBody.DEFAULT_LIMIT);
    }

    /** As {@link DynamoClient#keys(String, int)}, for this namespace's keys. */
    public Stream<String> keys(String keyPrefix, int pageSize) {
        return keys.keys(keyPrefix, pageSize);
    }

    public Versions get(String key) {
        return get(key, ReadOptions.defaults());
    }

    /** As {@link DynamoClient#get(String, ReadOptions)}. */
    public Versions get(String key, ReadOptions options) {
        return keys.get(key, options);
    }

    public CompletionStage<Versions> getAsync(String key) {
        return getAsync(key, ReadOptions.defaults());
    }

    /** As {@link DynamoClient#getAsync(String, ReadOptions)}. */
    public CompletionStage<Versions> getAsync(String key, ReadOptions options) {
        return keys.getAsync(key, options);
    }

    public String put(String key, String context, byte[] value, String contentType) {
        return put(key, context, value, contentType, WriteOptions.defaults());
    }

    /** As {@link DynamoClient#put(String, String, byte[], String, WriteOptions)}; returns the new context. */
    public String put(String key, String context, byte[] value, String contentType, WriteOptions options) {
        return keys.put(key, context, value, contentType, options);
    }

    public CompletionStage<String> putAsync(String key, String context, byte[] value, String contentType) {
        return putAsync(key, context, value, contentType, WriteOptions.defaults());
    }

    /** As {@link DynamoClient#putAsync(String, String, byte[], String, WriteOptions)}. */
    public CompletionStage<String> putAsync(String key, String context, byte[] value, String contentType,
                                            WriteOptions options) {
        return keys.putAsync(key, context, value, contentType, options);
    }

    public String update(String key, byte[] value, String contentType) {
        return update(key, value, contentType, WriteOptions.defaults());
    }

    /**
     * As {@link DynamoClient#update(String, byte[], String, WriteOptions)}: one put with the context this client
     * remembers from its last get, put or delete of the key in this namespace (read first when it has none).
     */
    public String update(String key, byte[] value, String contentType, WriteOptions options) {
        return keys.update(key, value, contentType, options);
    }

    public CompletionStage<String> updateAsync(String key, byte[] value, String contentType) {
        return updateAsync(key, value, contentType, WriteOptions.defaults());
    }

    /** As {@link DynamoClient#updateAsync(String, byte[], String, WriteOptions)}. */
    public CompletionStage<String> updateAsync(String key, byte[] value, String contentType, WriteOptions options) {
        return keys.updateAsync(key, value, contentType, options);
    }

    public String delete(String key, String context) {
        return delete(key, context, WriteOptions.defaults());
    }

    /** As {@link DynamoClient#delete(String, String, WriteOptions)}; returns the tombstone's context. */
    public String delete(String key, String context, WriteOptions options) {
        return keys.delete(key, context, options);
    }

    public CompletionStage<String> deleteAsync(String key, String context) {
        return deleteAsync(key, context, WriteOptions.defaults());
    }

    /** As {@link DynamoClient#deleteAsync(String, String, WriteOptions)}. */
    public CompletionStage<String> deleteAsync(String key, String context, WriteOptions options) {
        return keys.deleteAsync(key, context, options);
    }

    public Versions resolve(String key, Function<List<Sibling>, Sibling> merge) {
        return resolve(key, merge, ReadOptions.defaults(), WriteOptions.defaults());
    }

    /** As {@link DynamoClient#resolve(String, Function, ReadOptions, WriteOptions)}. */
    public Versions resolve(String key, Function<List<Sibling>, Sibling> merge, ReadOptions read,
                            WriteOptions write) {
        return keys.resolve(key, merge, read, write);
    }

    public List<BatchResult<Versions>> getAll(List<String> keyList) {
        return getAll(keyList, ReadOptions.defaults());
    }

    /** As {@link DynamoClient#getAll(List, ReadOptions)}, at {@code ns/{namespace}/kv/_mget}. */
    public List<BatchResult<Versions>> getAll(List<String> keyList, ReadOptions options) {
        return keys.getAll(keyList, options);
    }

    public List<BatchResult<String>> putAll(List<BatchWrite> writes) {
        return putAll(writes, WriteOptions.defaults());
    }

    /** As {@link DynamoClient#putAll(List, WriteOptions)}, at {@code ns/{namespace}/kv/_mput}. */
    public List<BatchResult<String>> putAll(List<BatchWrite> writes, WriteOptions options) {
        return keys.putAll(writes, options);
    }
}
