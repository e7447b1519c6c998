package io.dynamo.client;

import io.dynamo.api.KeysBody;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The key-value calls on the keys of one namespace, the same for {@link DynamoClient} (the default namespace, at
 * {@code kv/{key}}) and {@link NamespaceClient} (at {@code ns/{namespace}/kv/{key}}): reads, writes, deletes, the
 * one-request update, sibling resolution, their asynchronous forms, batches and the listing of keys. Defaults (R, W)
 * are the namespace's; the cluster's for the default namespace. Each request goes to the key's coordinator and falls
 * back along its preference list (see {@code docs/client.md}).
 */
public interface KeyValues {
    /** Reads the key with the default R. */
    default Versions get(String key) {
        return get(key, ReadOptions.defaults());
    }

    /**
     * Reads the key. Accepts any type ({@code Accept: *}{@code /*}), so one version arrives as its raw bytes (200)
     * and siblings as JSON (300); a 404 is {@code found = false}, keeping the context a deleted key still has.
     *
     * @throws DynamoClientException on an error answer, or when no node answered
     */
    Versions get(String key, ReadOptions options);

    /** {@link #get(String)} without blocking; see {@code docs/client.md}, "Asynchronous calls". */
    default CompletionStage<Versions> getAsync(String key) {
        return getAsync(key, ReadOptions.defaults());
    }

    /** {@link #get(String, ReadOptions)} without blocking; the stage fails with the same exceptions. */
    CompletionStage<Versions> getAsync(String key, ReadOptions options);

    /** Writes with the default W. */
    default String put(String key, String context, byte[] value, String contentType) {
        return put(key, context, value, contentType, WriteOptions.defaults());
    }

    /**
     * Writes a value.
     *
     * @param context     the context of the read this write follows (it supersedes what that read returned); null
     *                    for a blind write, which supersedes nothing and so may become a sibling
     * @param contentType kept with the value; null for {@code application/octet-stream}
     * @param options     W, dw, a condition ({@link WriteOptions#ifMatch}, {@link WriteOptions#ifAbsent}), and a
     *                    time to live ({@link WriteOptions#ttl(Duration)})
     * @return the new version's context
     * @throws DynamoClientException on an error answer (412 when the condition was not met), or when no node
     *                               answered
     */
    String put(String key, String context, byte[] value, String contentType, WriteOptions options);

    /** {@link #put(String, String, byte[], String)} without blocking. */
    default CompletionStage<String> putAsync(String key, String context, byte[] value, String contentType) {
        return putAsync(key, context, value, contentType, WriteOptions.defaults());
    }

    /** {@link #put(String, String, byte[], String, WriteOptions)} without blocking. */
    CompletionStage<String> putAsync(String key, String context, byte[] value, String contentType,
                                     WriteOptions options);

    /** {@link #update(String, byte[], String, WriteOptions)} with the default W. */
    default String update(String key, byte[] value, String contentType) {
        return update(key, value, contentType, WriteOptions.defaults());
    }

    /**
     * Writes the value over the version of the key this client last read or wrote, in one request: the put carries
     * the context remembered from that get, put or delete ({@link Builder#rememberContexts}). Without one (the key
     * was never seen, or was forgotten) the key is read first for its context. The write supersedes what this client
     * saw; a version another client wrote since then stays, as a sibling, as it would after any read-modify-write.
     *
     * @return the new version's context
     * @throws DynamoClientException on an error answer, or when no node answered
     */
    String update(String key, byte[] value, String contentType, WriteOptions options);

    /** {@link #update(String, byte[], String)} without blocking. */
    default CompletionStage<String> updateAsync(String key, byte[] value, String contentType) {
        return updateAsync(key, value, contentType, WriteOptions.defaults());
    }

    /** {@link #update(String, byte[], String, WriteOptions)} without blocking (the read, when needed, too). */
    CompletionStage<String> updateAsync(String key, byte[] value, String contentType, WriteOptions options);

    /** Deletes with the default W. */
    default String delete(String key, String context) {
        return delete(key, context, WriteOptions.defaults());
    }

    /**
     * Deletes what the read with this context returned (a tombstone supersedes it).
     *
     * @param options W, dw, and a condition ({@link WriteOptions#ifMatch}, {@link WriteOptions#ifAbsent}); no ttl
     * @return the tombstone's context: a later put with it supersedes the delete
     * @throws IllegalArgumentException for options with a ttl: a time to live belongs to a value
     */
    String delete(String key, String context, WriteOptions options);

    /** {@link #delete(String, String)} without blocking. */
    default CompletionStage<String> deleteAsync(String key, String context) {
        return deleteAsync(key, context, WriteOptions.defaults());
    }

    /** {@link #delete(String, String, WriteOptions)} without blocking. */
    CompletionStage<String> deleteAsync(String key, String context, WriteOptions options);

    /** {@link #resolve(String, Function, ReadOptions, WriteOptions)} with the default R and W. */
    default Versions resolve(String key, Function<List<Sibling>, Sibling> merge) {
        return resolve(key, merge, ReadOptions.defaults(), WriteOptions.defaults());
    }

    /**
     * Reads the key and, when it has siblings, merges them with the caller's function and writes the result back
     * with the read's context, so that the one merged version supersedes every sibling the read returned.
     *
     * @param merge gets every sibling (two or more), returns the merged value; called only when there are siblings
     * @return the read as it was when there was nothing to merge; otherwise the merged value with the context of
     *         its write (not re-read: a concurrent write may have added a sibling since)
     */
    Versions resolve(String key, Function<List<Sibling>, Sibling> merge, ReadOptions read,
                     WriteOptions write);

    /** {@link #getAll(List, ReadOptions)} with the default R. */
    default List<BatchResult<Versions>> getAll(List<String> keys) {
        return getAll(keys, ReadOptions.defaults());
    }

    /**
     * Reads up to 100 keys in one request ({@code POST kv/_mget}): the node that takes it reads each key through its
     * coordinator, all at once. One result per key, in the order given; a key that failed (e.g. too few replicas)
     * has its own error, the others their {@link Versions}.
     *
     * @throws DynamoClientException when the batch as a whole was refused (bad input) or no node answered
     */
    List<BatchResult<Versions>> getAll(List<String> keys, ReadOptions options);

    /** {@link #putAll(List, WriteOptions)} with the default W. */
    default List<BatchResult<String>> putAll(List<BatchWrite> writes) {
        return putAll(writes, WriteOptions.defaults());
    }

    /**
     * Writes up to 100 keys in one request ({@code POST kv/_mput}), puts and deletes ({@link BatchWrite}), each
     * through its coordinator, all at once. One result per key, in the order given: the new context, or the key's
     * own error. The node checks the whole batch before writing any of it.
     *
     * @param options W and dw, and a ttl for each put that has none of its own ({@link BatchWrite#ttl(Duration)});
     *                no condition
     * @throws DynamoClientException when the batch as a whole was refused (bad input) or no node answered
     */
    List<BatchResult<String>> putAll(List<BatchWrite> writes, WriteOptions options);

    /**
     * The keys of this namespace whose text starts with {@code prefix} (empty or null for all), in ring order
     * (not sorted by text), fetched lazily a page of {@link KeysBody#DEFAULT_LIMIT} at a time
     * ({@code GET keys?prefix=&limit=&cursor=}) as the stream is consumed. Every key that is on a live replica for
     * the whole listing comes exactly once; keys written or deleted meanwhile may or may not. A page that fails
     * throws {@link DynamoClientException} from the stream's terminal operation.
     */
    default Stream<String> keys(String prefix) {
        return keys(prefix, KeysBody.DEFAULT_LIMIT);
    }

    /** As {@link #keys(String)}, with pages of {@code pageSize} keys (1 to {@link KeysBody#MAX_LIMIT}). */
    Stream<String> keys(String prefix, int pageSize);
}
