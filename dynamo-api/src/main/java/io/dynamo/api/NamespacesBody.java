package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code GET /admin/namespaces}: the node that answered, its catalog's version (what a plan starts from) and every
 * namespace, {@code default} first, dropped ones included.
 */
@JsonbPropertyOrder({"node", "catalogVersion", "namespaces"})
public record NamespacesBody(String node, long catalogVersion, List<NamespaceBody> namespaces) {
    public NamespacesBody {
        namespaces = List.copyOf(namespaces);
    }
}
