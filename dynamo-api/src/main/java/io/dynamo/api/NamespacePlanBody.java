package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The answer of {@code POST /admin/namespaces/plan} and {@code /admin/namespaces/commit}.
 *
 * @param operation   {@code create}, {@code change} or {@code drop}
 * @param fromVersion the catalog version the plan starts from: what its commit sends as {@code catalogVersion}
 * @param committed   false for a plan, true once committed
 * @param namespace   the namespace's entry as the plan makes it (or the commit made it)
 */
@JsonbPropertyOrder({"node", "operation", "fromVersion", "committed", "namespace"})
public record NamespacePlanBody(String node, String operation, long fromVersion, boolean committed,
                                NamespaceBody namespace) {
}
