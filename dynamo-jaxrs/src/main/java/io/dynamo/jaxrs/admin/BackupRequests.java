package io.dynamo.jaxrs.admin;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Parses {@code POST /admin/backup}'s body, {@code {"directory": "/var/backups/dynamo"}}. Strict: a field it does
 * not know is refused, since a misspelt option of a backup would otherwise be silently ignored.
 */
final class BackupRequests {
    static final int MAX_BODY_BYTES = 8 * 1024;
    private static final String EXAMPLE = "{\"directory\": \"/var/backups/dynamo\"}";
    private static final Set<String> FIELDS = Set.of("directory");

    private BackupRequests() {
    }

    /** @return the directory, as given (the backup checks it is absolute, exists and is writable) */
    static String directory(InputStream body) {
        JsonObject json = parse(body);
        for (String field : json.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidRequestException("field '" + shortened(field) + "' is unknown; a backup request"
                        + " has one field, 'directory', such as " + EXAMPLE);
            }
        }
        JsonValue value = json.get("directory");
        if (value == null || value == JsonValue.NULL) {
            throw new InvalidRequestException("field 'directory' is missing; send " + EXAMPLE);
        }
        if (!(value instanceof JsonString text) || text.getString().isBlank()) {
            throw new InvalidRequestException("field 'directory' = " + shortened(value.toString()) + " is invalid:"
                    + " it must be a string, an absolute path on the node's disk, such as \"/var/backups/dynamo\"");
        }
        return text.getString();
    }

    private static JsonObject parse(InputStream body) {
        byte[] bytes;
        try (body) {
            bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new InvalidRequestException("the body has more than " + MAX_BODY_BYTES + " bytes; send " + EXAMPLE);
        }
        if (bytes.length == 0) {
            throw new InvalidRequestException("the body is empty; send " + EXAMPLE);
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            if (reader.readValue() instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException e) {
            throw new InvalidRequestException("the body is not valid JSON (" + e.getMessage() + "); send " + EXAMPLE);
        }
        throw new InvalidRequestException("the body is not a JSON object; send " + EXAMPLE);
    }

    private static String shortened(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
