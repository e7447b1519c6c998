package io.dynamo.core.node;

import io.dynamo.core.base.Key;
import io.dynamo.core.membership.MembershipService;
import io.dynamo.core.namespace.ConflictPolicy;
import io.dynamo.core.namespace.Namespace;
import io.dynamo.core.namespace.NamespaceCatalog;
import io.dynamo.core.namespace.NamespaceChange;
import io.dynamo.core.namespace.NamespaceName;
import io.dynamo.core.namespace.NamespacePlanner;
import io.dynamo.core.namespace.NamespaceSettings;
import io.dynamo.core.namespace.UnknownNamespaceException;
import io.dynamo.core.membership.StalePlanException;
import io.dynamo.core.ring.RingSettings;
import io.dynamo.core.store.StorageEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The namespaces as the admin API sees them on this node: listed with their settings, this node's key counts and
 * the purge of dropped ones, and changed by plan then commit against the catalog's version.
 */
public final class NodeNamespaces {
    /**
     * @param keysHere keys of the namespace this node stores (tombstones included), counted by a scan
     * @param purge    for a dropped namespace, how far this node's removal of its keys has come; else null
     */
    public record Entry(String name, NamespaceSettings settings, long version, boolean dropped, long keysHere,
                        Purge purge) {
    }

    /** Partitions of this node's store scanned for a dropped namespace's keys, and the keys removed. */
    public record Purge(int partitionsDone, int partitions, long keysRemoved) {
    }

    private final NodeConfig config;
    private final MembershipService membership;
    private final KeySpaces keySpaces;
    private final NamespacePurge purge;
    private final StorageEngine storage;

    NodeNamespaces(NodeConfig config, MembershipService membership, KeySpaces keySpaces, NamespacePurge purge,
                   StorageEngine storage) {
        this.config = config;
        this.membership = membership;
        this.keySpaces = keySpaces;
        this.purge = purge;
        this.storage = storage;
    }

    /** The version of this node's catalog, which a plan starts from. */
    public long catalogVersion() {
        return membership.state().namespaces().version();
    }

    /** {@code default} first, then every other namespace by name, dropped ones included. */
    public List<Entry> list() {
        Map<String, Long> counts = keyCounts();
        Map<String, NamespacePurge.Progress> purges = purge.progress();
        List<Entry> out = new ArrayList<>();
        out.add(new Entry(Key.DEFAULT_NAMESPACE, defaultSettings(), 0, false,
                counts.getOrDefault(Key.DEFAULT_NAMESPACE, 0L), null));
        for (Namespace n : membership.state().namespaces().entries().values()) {
            NamespacePurge.Progress p = purges.get(n.name());
            out.add(new Entry(n.name(), n.settings(), n.version(), n.dropped(), counts.getOrDefault(n.name(), 0L),
                    p == null ? null : new Purge(p.partitionsDone(), p.partitions(), p.keysRemoved())));
        }
        return out;
    }

    /** The live namespace's settings ({@code default}'s included); empty when there is none of that name. */
    public Optional<NamespaceSettings> settings(String name) {
        if (NamespaceName.isDefault(name)) {
            return Optional.of(defaultSettings());
        }
        return membership.state().namespaces().live(name).map(Namespace::settings);
    }

    /** The live namespace's settings; {@link UnknownNamespaceException} when there is none. */
    public NamespaceSettings require(String name) {
        return settings(name).orElseThrow(() -> new UnknownNamespaceException(name));
    }

    /** The entry the change would make, planned from the current catalog; nothing changes. */
    public Namespace plan(NamespaceChange change) {
        NamespaceCatalog planned = NamespacePlanner.plan(membership.state().namespaces(), change, keySpaces.limits());
        return planned.entries().get(change.name());
    }

    /**
     * Plans the change again from the current catalog, if it is still the one at {@code fromVersion}, and commits
     * it on this node; gossip spreads it.
     *
     * @throws StalePlanException when the catalog changed since the plan was made
     */
    public Namespace commit(long fromVersion, NamespaceChange change) {
        return membership.commitNamespaces(fromVersion, change, keySpaces.limits()).entries().get(change.name());
    }

    /** The default namespace's settings: the cluster's N, R and W and the node's own limits. */
    private NamespaceSettings defaultSettings() {
        RingSettings cluster = membership.settings();
        return new NamespaceSettings(cluster.replicas(), cluster.readQuorum(), cluster.writeQuorum(),
                Math.min(config.durability().durableWrites(), cluster.writeQuorum()), ConflictPolicy.SIBLINGS,
                config.maxKeyBytes(), config.maxValueBytes(), config.siblingsWarn(), config.siblingsMax(),
                NamespaceSettings.NO_ROLE);
    }

    private Map<String, Long> keyCounts() {
        Map<String, Long> counts = new HashMap<>();
        for (int p = 0; p < config.partitions(); p++) {
            storage.scan(p, config.partitions(), (key, versions) -> counts.merge(key.namespace(), 1L, Long::sum));
        }
        return counts;
    }
}
