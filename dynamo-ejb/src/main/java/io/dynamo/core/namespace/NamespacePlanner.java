package io.dynamo.core.namespace;

/**
 * Plans a change of the catalog: a pure function of the catalog, the change and the cluster's limits. The result has
 * one new entry at the catalog's version plus one. Every refusal throws before anything changes.
 */
public final class NamespacePlanner {
    private NamespacePlanner() {
    }

    public static NamespaceCatalog plan(NamespaceCatalog catalog, NamespaceChange change, ClusterLimits limits) {
        String name = change.name();
        if (NamespaceName.isDefault(name)) {
            throw new InvalidNamespaceException("the default namespace holds the keys of /kv/{key} and cannot be "
                    + (change.kind() == NamespaceChange.Kind.DROP ? "dropped" : change.kind() == NamespaceChange.Kind
                    .CREATE ? "created" : "changed here") + "; its N, R and W change with a ring plan (POST"
                    + " /admin/settings)");
        }
        Namespace existing = catalog.entries().get(name);
        long version = catalog.version() + 1;
        switch (change.kind()) {
            case CREATE -> {
                if (existing != null) {
                    throw new NamespaceConflictException("namespace '" + name + "' " + (existing.dropped()
                            ? "was dropped at catalog v" + existing.version() + "; a dropped namespace's name cannot"
                            + " be used again (late copies of its keys must stay garbage): choose another name"
                            : "exists already (catalog v" + existing.version() + "): change it instead"));
                }
                check(change.settings(), limits);
                return catalog.with(new Namespace(name, change.settings(), version, false));
            }
            case CHANGE -> {
                catalog.live(name).orElseThrow(() -> new UnknownNamespaceException(name));
                check(change.settings(), limits);
                return catalog.with(new Namespace(name, change.settings(), version, false));
            }
            default -> {
                Namespace live = catalog.live(name).orElseThrow(() -> new UnknownNamespaceException(name));
                return catalog.with(new Namespace(name, live.settings(), version, true));
            }
        }
    }

    /** The settings against the cluster; the record checked them on their own already. */
    static void check(NamespaceSettings s, ClusterLimits limits) {
        if (s.replicas() > limits.nodes()) {
            throw new InvalidNamespaceException("N=" + s.replicas() + " is larger than the cluster's " + limits.nodes()
                    + " node" + (limits.nodes() == 1 ? "" : "s") + ": a key cannot have more replicas than there are"
                    + " nodes");
        }
        if (s.replicas() > limits.clusterReplicas()) {
            throw new InvalidNamespaceException("N=" + s.replicas() + " is larger than the cluster's N="
                    + limits.clusterReplicas() + ", which is not yet supported: transfers, anti-entropy and tombstone GC"
                    + " keep the cluster's N copies of every key; raise the cluster's N first (POST /admin/settings)");
        }
        if (s.maxKeyBytes() > limits.maxKeyBytes() || s.maxValueBytes() > limits.maxValueBytes()
                || s.siblingsMax() > limits.siblingsMax()) {
            throw new InvalidNamespaceException("the limits (key " + s.maxKeyBytes() + " bytes, value "
                    + s.maxValueBytes() + " bytes, " + s.siblingsMax() + " siblings) must not exceed the node's (key "
                    + limits.maxKeyBytes() + ", value " + limits.maxValueBytes() + ", " + limits.siblingsMax()
                    + " siblings), which every node applies first");
        }
    }
}
