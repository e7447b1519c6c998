package io.dynamo.client;

import java.util.Objects;

/**
 * One write of {@link DynamoClient#putAll}: a put of a value, or a delete.
 *
 * @param key         the key
 * @param context     the context of the read this write follows; null for a blind put (not for a delete)
 * @param value       the bytes (copied); null for a delete
 * @param contentType kept with the value; null for {@code application/octet-stream}
 */
public record BatchWrite(String key, String context, byte[] value, String contentType) {
    public BatchWrite {
        Objects.requireNonNull(key, "key");
        value = value == null ? null : value.clone();
    }

    /** A put, as {@link DynamoClient#put(String, String, byte[], String)} makes it. */
    public static BatchWrite put(String key, String context, byte[] value, String contentType) {
        return new BatchWrite(key, context, Objects.requireNonNull(value, "value"), contentType);
    }

    /** A delete of what the read with this context returned. */
    public static BatchWrite delete(String key, String context) {
        return new BatchWrite(key, Objects.requireNonNull(context, "context"), null, null);
    }

    public boolean isDelete() {
        return value == null;
    }

    @Override
    public byte[] value() {
        return value == null ? null : value.clone();
    }
}
