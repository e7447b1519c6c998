package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The request body of {@code POST /admin/namespaces/plan} and {@code /admin/namespaces/commit}: a create, change or
 * drop of one namespace. Settings left null are not sent: a create takes them from {@code default}, a change from
 * the namespace as it is.
 *
 * @param operation      {@code create}, {@code change} or {@code drop}
 * @param name           the namespace's name
 * @param n              N, the replicas of each of its keys
 * @param r              the default R of a read
 * @param w              the default W of a write
 * @param dw             the default dw of a write; 0 for the node's durability setting
 * @param policy         {@code siblings} or {@code last-write-wins}
 * @param maxKeyBytes    the longest key it takes
 * @param maxValueBytes  the largest value it takes
 * @param siblingsWarn   a write that leaves a key with more siblings is logged and counted
 * @param siblingsMax    a write that would leave a key with more siblings is refused
 * @param role           the role a client needs: {@code none}, {@code client} or another role's name
 * @param ttl            the time to live, in seconds, of a put that gives none; 0 for none
 * @param catalogVersion commit only: the {@code fromVersion} of the plan that was reviewed
 */
@JsonbPropertyOrder({"operation", "name", "n", "r", "w", "dw", "policy", "maxKeyBytes", "maxValueBytes",
        "siblingsWarn", "siblingsMax", "role", "ttl", "catalogVersion"})
public record NamespaceRequestBody(String operation, String name, Integer n, Integer r, Integer w, Integer dw,
                                   String policy, Integer maxKeyBytes, Integer maxValueBytes, Integer siblingsWarn,
                                   Integer siblingsMax, String role, Long ttl, Long catalogVersion) {

    /** A drop of the namespace: no settings. */
    public static NamespaceRequestBody drop(String name) {
        return new NamespaceRequestBody("drop", name, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** The same request, as the commit of a plan that started from {@code catalogVersion}. */
    public NamespaceRequestBody committing(long catalogVersion) {
        return new NamespaceRequestBody(operation, name, n, r, w, dw, policy, maxKeyBytes, maxValueBytes,
                siblingsWarn, siblingsMax, role, ttl, catalogVersion);
    }
}
