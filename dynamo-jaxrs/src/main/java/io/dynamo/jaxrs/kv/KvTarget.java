package io.dynamo.jaxrs.kv;

import io.dynamo.core.base.Key;
import io.dynamo.core.namespace.NamespaceName;

/**
 * The key a request for {@code kv/{key}} or {@code ns/{namespace}/kv/{key}} names, read from its raw path, for the
 * servlet path ({@link KvFilter}). Only the plain shapes: a path with an empty segment, a matrix parameter, more
 * segments, or an encoded namespace name is not read here, and goes on to JAX-RS, which answers it as it always did.
 *
 * @param namespace  null for {@code kv/{key}}
 * @param encodedKey the key's path segment, still percent-encoded
 */
record KvTarget(String namespace, String encodedKey) {
    private static final String API = "/api/v1/";

    /** The target of a request URI (as sent, not decoded) under the context path, or null when not a plain one. */
    static KvTarget of(String requestUri, String contextPath) {
        if (requestUri == null || !requestUri.startsWith(contextPath) || !requestUri.startsWith(API,
                contextPath.length())) {
            return null;
        }
        int at = contextPath.length() + API.length();
        String namespace = null;
        if (requestUri.startsWith("ns/", at)) {
            int slash = requestUri.indexOf('/', at + 3);
            if (slash < 0) {
                return null;
            }
            namespace = requestUri.substring(at + 3, slash);
            if (namespace.isEmpty() || namespace.indexOf('%') >= 0 || namespace.indexOf(';') >= 0) {
                return null;
            }
            at = slash + 1;
        }
        if (!requestUri.startsWith("kv/", at)) {
            return null;
        }
        String key = requestUri.substring(at + 3);
        if (key.isEmpty() || key.indexOf('/') >= 0 || key.indexOf(';') >= 0) {
            return null;
        }
        return new KvTarget(namespace, key);
    }

    /** The path below {@code /api/v1}, as the access policy reads it. */
    String path() {
        return namespace == null ? "kv/" + encodedKey : "ns/" + namespace + "/kv/" + encodedKey;
    }

    /** The key, decoded strictly; an invalid key or namespace name throws (400). */
    Key key() {
        return namespace == null ? KeyPath.decode(encodedKey)
                : KeyPath.decode(NamespaceName.check(namespace), encodedKey);
    }
}
