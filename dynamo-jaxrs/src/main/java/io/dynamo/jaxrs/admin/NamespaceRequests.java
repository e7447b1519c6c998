package io.dynamo.jaxrs.admin;

import io.dynamo.core.namespace.ConflictPolicy;
import io.dynamo.core.namespace.NamespaceChange;
import io.dynamo.core.namespace.NamespaceName;
import io.dynamo.core.namespace.NamespaceSettings;
import io.dynamo.core.node.NodeNamespaces;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.Locale;

/**
 * Parses the body of a namespace plan or commit: {@code {"operation": "create", "name": "carts", "n": 2}} and, for
 * a commit, the {@code catalogVersion} the reviewed plan started from. A create takes what it does not give from
 * the {@code default} namespace (R and W a majority of its N when only N is given); a change from the namespace as
 * it is. Unknown fields are ignored.
 */
final class NamespaceRequests {
    private static final String EXAMPLE = "{\"operation\": \"create\", \"name\": \"carts\", \"n\": 2, \"r\": 1,"
            + " \"w\": 2, \"role\": \"client\"}";

    /** The change and, for a commit, the catalog version its plan started from (0 for a plan). */
    record Request(NamespaceChange change, long catalogVersion) {
    }

    private NamespaceRequests() {
    }

    static Request parse(InputStream body, boolean commit, NodeNamespaces namespaces) {
        JsonObject json = MembershipRequests.object(MembershipRequests.read(body), EXAMPLE);
        NamespaceChange.Kind kind = kind(json);
        String name = NamespaceName.check(text(json, "name", null));
        long version = commit ? catalogVersion(json) : 0;
        if (kind == NamespaceChange.Kind.DROP) {
            return new Request(NamespaceChange.drop(name), version);
        }
        NamespaceSettings base = kind == NamespaceChange.Kind.CREATE || NamespaceName.isDefault(name)
                ? namespaces.require("default") : namespaces.require(name);
        int n = number(json, "n", base.replicas());
        boolean majority = kind == NamespaceChange.Kind.CREATE && json.containsKey("n");
        int r = number(json, "r", majority ? n / 2 + 1 : base.readQuorum());
        int w = number(json, "w", majority ? n / 2 + 1 : base.writeQuorum());
        NamespaceSettings settings = new NamespaceSettings(n, r, w,
                number(json, "dw", kind == NamespaceChange.Kind.CREATE ? 0 : base.durableWrites()),
                ConflictPolicy.of(text(json, "policy", base.policy().label())),
                number(json, "maxKeyBytes", base.maxKeyBytes()), number(json, "maxValueBytes", base.maxValueBytes()),
                number(json, "siblingsWarn", base.siblingsWarn()), number(json, "siblingsMax", base.siblingsMax()),
                text(json, "role", kind == NamespaceChange.Kind.CREATE ? NamespaceSettings.NO_ROLE : base.role()),
                number(json, "ttl", kind == NamespaceChange.Kind.CREATE ? 0 : (int) base.ttlSeconds()));
        return new Request(new NamespaceChange(kind, name, settings), version);
    }

    private static NamespaceChange.Kind kind(JsonObject json) {
        String op = text(json, "operation", null);
        try {
            return NamespaceChange.Kind.valueOf(op.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("field 'operation' = \"" + op + "\" is invalid: it is create, change"
                    + " or drop");
        }
    }

    private static String text(JsonObject json, String field, String otherwise) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            if (otherwise == null) {
                throw new InvalidRequestException("field '" + field + "' is missing; send a JSON object such as "
                        + EXAMPLE);
            }
            return otherwise;
        }
        if (!(value instanceof JsonString s)) {
            throw new InvalidRequestException("field '" + field + "' = " + MembershipRequests.shown(value)
                    + " is invalid: it must be a string");
        }
        return s.getString();
    }

    private static int number(JsonObject json, String field, int otherwise) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return otherwise;
        }
        long v = MembershipRequests.integer(value, field, "an integer");
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new InvalidRequestException("field '" + field + "' = " + MembershipRequests.shown(value)
                    + " is invalid: it must be an integer from 0 to " + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    private static long catalogVersion(JsonObject json) {
        JsonValue value = json.get("catalogVersion");
        if (value == null || value == JsonValue.NULL) {
            throw new InvalidRequestException("field 'catalogVersion' is missing; a commit sends the fromVersion of"
                    + " the plan that was reviewed");
        }
        long v = MembershipRequests.integer(value, "catalogVersion", "the fromVersion of the plan that was reviewed");
        if (v < 0) {
            throw new InvalidRequestException("field 'catalogVersion' = " + v + " is invalid: it is 0 or more");
        }
        return v;
    }
}
