package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One write of a batch ({@code POST .../kv/_mput}).
 *
 * @param key         the key as a plain string (not percent-encoded)
 * @param value       the bytes, standard base64 with padding; absent for a delete
 * @param contentType kept with the value; absent for {@code application/octet-stream}
 * @param context     the context of the read this write follows, as {@code X-Dynamo-Context} carries it; absent for
 *                    a blind write
 * @param delete      true for a delete (with the context of the read it deletes, and no value); absent for a put
 * @param ttl         a put's time to live in whole seconds, as {@link DynamoHeaders#TTL}; absent for none
 */
@JsonbPropertyOrder({"key", "value", "contentType", "context", "delete", "ttl"})
public record BatchItemBody(String key, String value, String contentType, String context, Boolean delete, Long ttl) {
}
