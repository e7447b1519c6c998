package io.dynamo.jaxrs.kv;

import io.dynamo.api.BatchKeysBody;
import io.dynamo.api.KeyPaths;
import io.dynamo.core.base.InvalidKeyException;
import io.dynamo.core.base.Key;
import io.dynamo.core.base.ValueTooLargeException;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Expiry;
import io.dynamo.core.version.MalformedContextException;
import io.dynamo.core.version.Value;
import io.dynamo.jaxrs.error.ContentTypeFilter;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and checks a batch's body as a whole, before any key is read or written: a batch with any bad part is
 * refused entirely, so nothing of it is stored. Unknown fields are ignored.
 */
final class BatchRequests {
    /** The body's hard cap, whatever the node's value limit. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** Room per item for its key, context and JSON beside its value. */
    private static final int ITEM_OVERHEAD_BYTES = 8192;
    private static final String KEYS_EXAMPLE = "{\"keys\": [\"k1\", \"k2\"]}";
    private static final String ITEMS_EXAMPLE = "{\"items\": [{\"key\": \"k1\", \"value\": \"<base64>\","
            + " \"contentType\": \"text/plain\", \"context\": \"<from a read, optional>\"}]}";

    /** What the batch may hold: the keys' namespace, and its limits. */
    record Limits(String namespace, int maxKeyBytes, int maxValueBytes) {
        /** Every item at the largest value, base64 (4/3) and with room for its key: at most {@link #MAX_BODY_BYTES}. */
        int maxBodyBytes() {
            return (int) Math.min(MAX_BODY_BYTES,
                    (long) BatchKeysBody.MAX_KEYS * (2L * maxValueBytes + ITEM_OVERHEAD_BYTES));
        }
    }

    /** One write of a batch: a tombstone value for a delete. */
    record Write(Key key, String name, Context context, Value value) {
    }

    private BatchRequests() {
    }

    /** The body, read no further than the batch's byte limit. */
    static byte[] body(InputStream in, String contentLength, Limits limits) {
        int max = limits.maxBodyBytes();
        return BoundedBody.read(in, contentLength, max, size -> new BatchTooLargeException("the batch's body has "
                + size + "; this node takes at most " + max + " bytes in one batch (" + BatchKeysBody.MAX_KEYS
                + " items of twice its value limit, at most " + MAX_BODY_BYTES + "): send fewer or smaller items"));
    }

    /** The keys of a read batch, in order; their plain names are {@code names}. */
    static List<Key> keys(byte[] body, Limits limits, List<String> names) {
        JsonArray keys = array(object(body, KEYS_EXAMPLE), "keys", KEYS_EXAMPLE);
        Map<String, Integer> seen = new HashMap<>();
        List<Key> out = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            String where = "keys[" + i + "]";
            String name = string(keys.get(i), where, KEYS_EXAMPLE);
            out.add(key(name, where, limits, seen));
            names.add(name);
        }
        return out;
    }

    /** The writes of a write batch, in order. */
    static List<Write> writes(byte[] body, Limits limits) {
        JsonArray items = array(object(body, ITEMS_EXAMPLE), "items", ITEMS_EXAMPLE);
        Map<String, Integer> seen = new HashMap<>();
        List<Write> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String where = "items[" + i + "]";
            if (!(items.get(i) instanceof JsonObject item)) {
                throw new InvalidBatchException(where + " is a " + type(items.get(i)) + ", not an object; send "
                        + ITEMS_EXAMPLE);
            }
            String name = string(item.get("key"), where + ".key", ITEMS_EXAMPLE);
            Key key = key(name, where, limits, seen);
            Context context = context(optionalString(item, "context", where), where, name);
            out.add(new Write(key, name, context, isDelete(item, where) ? Value.tombstone()
                    : expiring(value(item, where, name, limits), item, where)));
        }
        return out;
    }

    private static JsonObject object(byte[] body, String example) {
        if (body.length == 0) {
            throw new InvalidBatchException("the body is empty; send a JSON object such as " + example);
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidBatchException("the body is not valid JSON (" + e.getMessage() + "); send a JSON object"
                    + " such as " + example);
        }
        if (!(value instanceof JsonObject object)) {
            throw new InvalidBatchException("the body is a JSON " + type(value) + ", not an object; send " + example);
        }
        return object;
    }

    /** The batch's array: present, not empty, and no longer than the batch's limit. */
    private static JsonArray array(JsonObject body, String field, String example) {
        JsonValue value = body.get(field);
        if (!(value instanceof JsonArray array)) {
            throw new InvalidBatchException("field '" + field + "' is " + (value == null ? "missing"
                    : "a " + type(value) + ", not an array") + "; send " + example);
        }
        if (array.isEmpty()) {
            throw new InvalidBatchException("the batch is empty: '" + field + "' must name 1 to "
                    + BatchKeysBody.MAX_KEYS + " keys");
        }
        if (array.size() > BatchKeysBody.MAX_KEYS) {
            throw new BatchTooLargeException("the batch has " + array.size() + " " + field + "; a batch takes at most "
                    + BatchKeysBody.MAX_KEYS + ": split it");
        }
        return array;
    }

    private static Key key(String name, String where, Limits limits, Map<String, Integer> seen) {
        byte[] bytes;
        try {
            // Refuses what a single request's path could not carry, so every key a batch writes can be read alone.
            bytes = KeyPaths.forRequest(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException(where + ": " + e.getMessage());
        }
        if (bytes.length > limits.maxKeyBytes()) {
            throw new InvalidKeyException(where + ": the key has " + bytes.length + " bytes; the limit is "
                    + limits.maxKeyBytes());
        }
        Integer first = seen.putIfAbsent(name, seen.size());
        if (first != null) {
            throw new InvalidBatchException(where + ": key '" + abbreviate(name) + "' is in the batch twice (also"
                    + " entry " + first + "); name each key once");
        }
        return Key.in(limits.namespace(), bytes);
    }

    private static boolean isDelete(JsonObject item, String where) {
        JsonValue delete = item.get("delete");
        if (delete == null || delete == JsonValue.NULL || delete == JsonValue.FALSE) {
            return false;
        }
        if (delete != JsonValue.TRUE) {
            throw new InvalidBatchException(where + ".delete is a " + type(delete) + "; it is true or false");
        }
        if (item.containsKey("value") && item.get("value") != JsonValue.NULL) {
            throw new InvalidBatchException(where + " is a delete and has a value; give one or the other");
        }
        if (item.containsKey("ttl") && item.get("ttl") != JsonValue.NULL) {
            throw new InvalidBatchException(where + " is a delete and has a ttl; a ttl belongs to a value");
        }
        return true;
    }

    private static Value value(JsonObject item, String where, String name, Limits limits) {
        String encoded = string(item.get("value"), where + ".value", ITEMS_EXAMPLE);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidBatchException(where + ".value is not base64 (" + e.getMessage() + "); encode the bytes"
                    + " with the standard alphabet (A-Z, a-z, 0-9, +, /)");
        }
        if (bytes.length > limits.maxValueBytes()) {
            throw new ValueTooLargeException(where + ": the value for key '" + abbreviate(name) + "' has "
                    + bytes.length + " bytes; the limit is " + limits.maxValueBytes());
        }
        String contentType = optionalString(item, "contentType", where);
        if (contentType != null && !ContentTypeFilter.parses(contentType)) {
            throw new InvalidBatchException(where + ".contentType '" + abbreviate(contentType) + "' is not a media"
                    + " type such as text/plain");
        }
        return Value.of(bytes, contentType);
    }

    /** The value with the item's {@code ttl} (whole seconds), if it has one; its node's clock makes the expiry. */
    private static Value expiring(Value value, JsonObject item, String where) {
        JsonValue ttl = item.get("ttl");
        if (ttl == null || ttl == JsonValue.NULL) {
            return value;
        }
        if (!(ttl instanceof JsonNumber n) || !n.isIntegral() || n.bigDecimalValue().compareTo(BigDecimal.ONE) < 0
                || n.bigDecimalValue().compareTo(BigDecimal.valueOf(Expiry.MAX_SECONDS)) > 0) {
            throw new InvalidBatchException(where + ".ttl " + ttl + " is not a time to live; give whole seconds"
                    + " from 1 to " + Expiry.MAX_SECONDS + " (10 years), or leave it out");
        }
        return Expiry.after(value, n.longValueExact(), System.currentTimeMillis());
    }

    private static Context context(String encoded, String where, String name) {
        try {
            return Context.decode(encoded);
        } catch (MalformedContextException e) {
            throw new MalformedContextException(where + " (key '" + abbreviate(name) + "'): " + e.getMessage());
        }
    }

    private static String string(JsonValue value, String where, String example) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw new InvalidBatchException(where + " is " + (value == null ? "missing" : "a " + type(value)
                + ", not a string") + "; send " + example);
    }

    private static String optionalString(JsonObject item, String field, String where) {
        JsonValue value = item.get(field);
        return value == null || value == JsonValue.NULL ? null : string(value, where + "." + field, ITEMS_EXAMPLE);
    }

    private static String type(JsonValue value) {
        return switch (value.getValueType()) {
            case TRUE, FALSE -> "boolean";
            default -> value.getValueType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
