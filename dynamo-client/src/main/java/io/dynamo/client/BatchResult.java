package io.dynamo.client;

import java.net.URI;
import java.util.List;

/**
 * One key's outcome in a batch ({@link DynamoClient#getAll}, {@link DynamoClient#putAll}): what a single request for
 * the key would have given, or its error.
 *
 * @param key    the key as the batch named it
 * @param status the status a single request would have had (200, 300, 404 for reads; 204 for writes; or the error's)
 * @param value  the read's {@link Versions} (a missing key is {@code found = false}) or the write's new context;
 *               null when the key failed
 * @param error  the failure a single request would have thrown; null on success
 * @param <T>    {@link Versions} for reads, the context ({@link String}) for writes
 */
public record BatchResult<T>(String key, int status, T value, DynamoClientException error) {

    /** True when the key's request succeeded (a missing key's read included). */
    public boolean succeeded() {
        return error == null;
    }

    /**
     * The value.
     *
     * @throws DynamoClientException the key's own failure, e.g. 503 {@code insufficient_replicas}
     */
    public T orElseThrow() {
        if (error != null) {
            throw error;
        }
        return value;
    }

    static <T> BatchResult<T> failed(String key, int status, String error, String detail, URI node,
                                     List<URI> tried) {
        return new BatchResult<>(key, status, null, DynamoClientException.answered(status, error,
                "key '" + key + "' of a batch: " + detail, node, tried));
    }
}
