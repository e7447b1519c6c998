package io.dynamo.client;

import java.time.Duration;
import java.util.Objects;

/**
 * One write of {@link DynamoClient#putAll}: a put of a value, or a delete.
 *
 * @param key         the key
 * @param context     the context of the read this write follows; null for a blind put (not for a delete)
 * @param value       the bytes (copied); null for a delete
 * @param contentType kept with the value; null for {@code application/octet-stream}
 * @param ttl         the value's time to live (whole seconds, 1 s to 10 years); null for the batch's
 *                    {@link WriteOptions#ttl()}, else the namespace's default. Never on a delete.
 */
public record BatchWrite(String key, String context, byte[] value, String contentType, Duration ttl) {
    public BatchWrite {
        Objects.requireNonNull(key, "key");
        value = value == null ? null : value.clone();
        if (ttl != null) {
            if (value == null) {
                throw new IllegalArgumentException("the delete of '" + key + "' has a ttl (" + ttl + "): a time to"
                        + " live belongs to a value");
            }
            WriteOptions.ttlSeconds(ttl);
        }
    }

    /** Without a time to live of its own. */
    public BatchWrite(String key, String context, byte[] value, String contentType) {
        this(key, context, value, contentType, null);
    }

    /** A put, as {@link DynamoClient#put(String, String, byte[], String)} makes it. */
    public static BatchWrite put(String key, String context, byte[] value, String contentType) {
        return new BatchWrite(key, context, Objects.requireNonNull(value, "value"), contentType);
    }

    /** A delete of what the read with this context returned. */
    public static BatchWrite delete(String key, String context) {
        return new BatchWrite(key, Objects.requireNonNull(context, "context"), null, null);
    }

    /**
     * This put, expiring {@code ttl} after the node takes it, as {@link WriteOptions#ttl(Duration)} does.
     *
     * @throws IllegalArgumentException on a delete, or for a ttl that is not whole seconds from 1 s to 10 years
     */
    public BatchWrite ttl(Duration ttl) {
        return new BatchWrite(key, context, value, contentType, Objects.requireNonNull(ttl, "ttl"));
    }

    public boolean isDelete() {
        return value == null;
    }

    @Override
    public byte[] value() {
        return value == null ? null : value.clone();
    }
}
