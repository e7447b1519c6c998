package io.dynamo.jaxrs.admin;

import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.RingChange;
import io.dynamo.core.ring.RingSettings;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses the bodies of ring changes (join, leave and remove: {@link io.dynamo.api.MembershipChangeBody}; replace:
 * {@link io.dynamo.api.ReplaceBody}; new settings: {@link io.dynamo.api.SettingsBody}; a plan of several:
 * {@link io.dynamo.api.PlanRequestBody}) with messages that
 * name the field at fault. Unknown fields are ignored, so that clients written against later versions keep working.
 */
final class MembershipRequests {
    static final int MAX_BODY_BYTES = 16 * 1024;
    /** The bound a node puts on dynamo.n: a typo is an error rather than a plan. */
    private static final int MAX_REPLICAS = 16;
    /** The rule of {@code dynamo.node.id}: a node that joins must be able to carry the id it is given here. */
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private MembershipRequests() {
    }

    static MembershipChange join(InputStream body, boolean commit) {
        JsonObject json = object(read(body), "{\"node\": \"node-4\", \"weight\": 1"
                + (commit ? ", \"ringVersion\": 3}" : "}"));
        return new MembershipChange(node(json), weight(json), commit ? ringVersion(json) : 0);
    }

    static MembershipChange leave(InputStream body, boolean commit) {
        JsonObject json = object(read(body), "{\"node\": \"node-4\"" + (commit ? ", \"ringVersion\": 3}" : "}"));
        return new MembershipChange(node(json), 1, commit ? ringVersion(json) : 0);
    }

    /** A remove: the body of a leave, naming a dead node. */
    static PlannedChanges remove(InputStream body, boolean commit) {
        JsonObject json = object(read(body), "{\"node\": \"node-3\"" + (commit ? ", \"ringVersion\": 3}" : "}"));
        return new PlannedChanges(List.of(RingChange.remove(node(json))), commit ? ringVersion(json) : 0);
    }

    static PlannedChanges replace(InputStream body, boolean commit) {
        JsonObject json = object(read(body), "{\"node\": \"node-3\", \"with\": \"node-5\""
                + (commit ? ", \"ringVersion\": 3}" : "}"));
        return new PlannedChanges(List.of(replacement(node(json), node(json, "with"), "with")),
                commit ? ringVersion(json) : 0);
    }

    /** New cluster settings: {@code {"n": 3, "r": 2, "w": 2}}. */
    static PlannedChanges settings(InputStream body, boolean commit) {
        JsonObject json = object(read(body), "{\"n\": 3, \"r\": 2, \"w\": 2"
                + (commit ? ", \"ringVersion\": 3}" : "}"));
        return new PlannedChanges(List.of(settings(json, "")), commit ? ringVersion(json) : 0);
    }

    /** Several changes as one plan: {@code {"changes": [{"op": "join", "node": "node-4"}, ...]}}. */
    static PlannedChanges plan(InputStream body, boolean commit) {
        String example = "{\"changes\": [{\"op\": \"join\", \"node\": \"node-4\"}, {\"op\": \"leave\","
                + " \"node\": \"node-1\"}]" + (commit ? ", \"ringVersion\": 3}" : "}");
        JsonObject json = object(read(body), example);
        JsonValue value = json.get("changes");
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw new InvalidRequestException("field 'changes' = " + (value == null ? "(missing)" : shown(value))
                    + " is invalid: it must be a non-empty array of changes, such as " + example);
        }
        List<RingChange> changes = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "changes[" + i + "]";
            if (!(array.get(i) instanceof JsonObject change)) {
                throw new InvalidRequestException("field '" + at + "' = " + shown(array.get(i)) + " is invalid: each"
                        + " change is an object such as {\"op\": \"remove\", \"node\": \"node-3\"}");
            }
            changes.add(change(change, at));
        }
        return new PlannedChanges(changes, commit ? ringVersion(json) : 0);
    }

    private static RingChange change(JsonObject json, String at) {
        JsonValue op = json.get("op");
        String kind = op instanceof JsonString text ? text.getString() : "";
        if (kind.equals("settings")) {
            return settings(json, at + ".");
        }
        String node = node(json, "node", at + ".node");
        return switch (kind) {
            case "join" -> RingChange.join(node, weight(json, at + ".weight"));
            case "leave" -> RingChange.leave(node);
            case "remove" -> RingChange.remove(node);
            case "replace" -> replacement(node, node(json, "with", at + ".with"), at + ".with");
            default -> throw new InvalidRequestException("field '" + at + ".op' = " + (op == null ? "(missing)"
                    : shown(op)) + " is invalid: it must be \"join\", \"leave\", \"remove\", \"replace\" or"
                    + " \"settings\"");
        };
    }

    /** N, R and W, each required: a change of settings states all three, so none changes by omission. */
    private static RingChange settings(JsonObject json, String prefix) {
        int n = quorumField(json, "n", prefix, "N, the replicas of each key");
        int r = quorumField(json, "r", prefix, "the default R");
        int w = quorumField(json, "w", prefix, "the default W");
        if (r > n || w > n) {
            throw new InvalidRequestException("field '" + prefix + (r > n ? "r" : "w") + "' = " + (r > n ? r : w)
                    + " is invalid: R and W must be from 1 to N (" + n + ")");
        }
        return RingChange.settings(new RingSettings(n, r, w));
    }

    private static int quorumField(JsonObject json, String name, String prefix, String what) {
        String field = prefix + name;
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            throw new InvalidRequestException("field '" + field + "' is missing; a change of settings gives N, R and"
                    + " W (\"n\", \"r\", \"w\"), each an integer from 1 to " + MAX_REPLICAS);
        }
        long number = integer(value, field, what + ", an integer from 1 to " + MAX_REPLICAS);
        if (number < 1 || number > MAX_REPLICAS) {
            throw new InvalidRequestException("field '" + field + "' = " + shown(value) + " is invalid: " + what
                    + " must be an integer from 1 to " + MAX_REPLICAS);
        }
        return (int) number;
    }

    private static RingChange replacement(String node, String with, String field) {
        if (node.equals(with)) {
            throw new InvalidRequestException("field '" + field + "' = \"" + with + "\" is invalid: a node cannot"
                    + " replace itself; name the new node that takes its partitions");
        }
        return RingChange.replace(node, with);
    }

    static byte[] read(InputStream body) {
        try (body) {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new InvalidRequestException("the body has more than " + MAX_BODY_BYTES
                        + " bytes; a ring change is a small JSON object");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }

    static JsonObject object(byte[] body, String example) {
        if (body.length == 0) {
            throw new InvalidRequestException("the body is empty; send a JSON object such as " + example);
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new InvalidRequestException("the body is not valid JSON (" + e.getMessage()
                    + "); send a JSON object such as " + example);
        }
        if (!(value instanceof JsonObject object)) {
            String type = value.getValueType().name().toLowerCase(Locale.ROOT);
            throw new InvalidRequestException("the body is a JSON " + type + ", not an object; send a JSON object"
                    + " such as " + example);
        }
        return object;
    }

    private static String node(JsonObject json) {
        return node(json, "node", "node");
    }

    private static String node(JsonObject json, String name) {
        return node(json, name, name);
    }

    /** @param field how the error names the field, e.g. {@code changes[1].node} */
    private static String node(JsonObject json, String name, String field) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            throw new InvalidRequestException("field '" + field + "' is missing; give the id of the node, e.g."
                    + " \"node-4\"");
        }
        if (!(value instanceof JsonString text) || !NODE_ID.matcher(text.getString()).matches()) {
            throw new InvalidRequestException("field '" + field + "' = " + shown(value) + " is invalid: it must be a"
                    + " string of 1 to 64 letters, digits, '-' or '_' (the node's dynamo.node.id)");
        }
        return text.getString();
    }

    private static int weight(JsonObject json) {
        return weight(json, "weight");
    }

    private static int weight(JsonObject json, String field) {
        JsonValue value = json.get("weight");
        if (value == null || value == JsonValue.NULL) {
            return 1;
        }
        long weight = integer(value, field, "an integer from 1 to " + Member.MAX_WEIGHT);
        if (weight < 1 || weight > Member.MAX_WEIGHT) {
            throw new InvalidRequestException("field '" + field + "' = " + shown(value) + " is invalid: it must be an"
                    + " integer from 1 to " + Member.MAX_WEIGHT + " (its share of the partitions)");
        }
        return (int) weight;
    }

    private static long ringVersion(JsonObject json) {
        JsonValue value = json.get("ringVersion");
        if (value == null || value == JsonValue.NULL) {
            throw new InvalidRequestException("field 'ringVersion' is missing; a commit sends the fromVersion of the"
                    + " plan that was reviewed");
        }
        long version = integer(value, "ringVersion", "the fromVersion of the plan that was reviewed");
        if (version < 1) {
            throw new InvalidRequestException("field 'ringVersion' = " + shown(value)
                    + " is invalid: ring versions start at 1; send the fromVersion of the plan that was reviewed");
        }
        return version;
    }

    static long integer(JsonValue value, String field, String expected) {
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                // too large: fall through to the error
            }
        }
        throw new InvalidRequestException("field '" + field + "' = " + shown(value) + " is invalid: it must be "
                + expected);
    }

    static String shown(JsonValue value) {
        String s = value.toString();
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
