package io.dynamo.client;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The key-value calls ({@link KeyValues}) on the keys of one namespace ({@link DynamoClient#namespace}), at
 * {@code ns/{namespace}/kv/{key}}, with the namespace's N, R and W as defaults. Each request goes to the key's
 * coordinator, placed as the nodes place a key of the namespace ({@link RingPosition}), and falls back along the key's
 * preference list as a default key's request does; {@code update} uses the context remembered for the key in this
 * namespace. An unknown namespace is a {@link DynamoClientException} 404 {@code namespace_not_found}; a user without
 * the namespace's role gets 403.
 */
public final class NamespaceClient implements KeyValues {
    private final KeySpace keys;

    NamespaceClient(KeySpace keys) {
        this.keys = keys;
    }

    @Override
    public Versions get(String key, ReadOptions options) {
        return keys.get(key, options);
    }

    @Override
    public CompletionStage<Versions> getAsync(String key, ReadOptions options) {
        return keys.getAsync(key, options);
    }

    @Override
    public String put(String key, String context, byte[] value, String contentType, WriteOptions options) {
        return keys.put(key, context, value, contentType, options);
    }

    @Override
    public CompletionStage<String> putAsync(String key, String context, byte[] value, String contentType,
                                            WriteOptions options) {
        return keys.putAsync(key, context, value, contentType, options);
    }

    @Override
    public String update(String key, byte[] value, String contentType, WriteOptions options) {
        return keys.update(key, value, contentType, options);
    }

    @Override
    public CompletionStage<String> updateAsync(String key, byte[] value, String contentType, WriteOptions options) {
        return keys.updateAsync(key, value, contentType, options);
    }

    @Override
    public String delete(String key, String context, WriteOptions options) {
        return keys.delete(key, context, options);
    }

    @Override
    public CompletionStage<String> deleteAsync(String key, String context, WriteOptions options) {
        return keys.deleteAsync(key, context, options);
    }

    @Override
    public Versions resolve(String key, Function<List<Sibling>, Sibling> merge, ReadOptions read,
                            WriteOptions write) {
        return keys.resolve(key, merge, read, write);
    }

    @Override
    public List<BatchResult<Versions>> getAll(List<String> keyList, ReadOptions options) {
        return keys.getAll(keyList, options);
    }

    @Override
    public List<BatchResult<String>> putAll(List<BatchWrite> writes, WriteOptions options) {
        return keys.putAll(writes, options);
    }

    @Override
    public Stream<String> keys(String keyPrefix, int pageSize) {
        return keys.keys(keyPrefix, pageSize);
    }
}
