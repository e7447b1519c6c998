package io.dynamo.core.node;

import io.dynamo.core.base.InvalidKeyException;
import io.dynamo.core.base.Key;
import io.dynamo.core.membership.MembershipService;
import io.dynamo.core.namespace.ClusterLimits;
import io.dynamo.core.namespace.Namespace;
import io.dynamo.core.namespace.NamespaceSettings;
import io.dynamo.core.namespace.UnknownNamespaceException;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.ring.Ring;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a key's namespace sets for it, as this node's catalog says: N, the default R, W and dw, and the limits. A key
 * of the default namespace gets the node's and cluster's settings, exactly as before namespaces existed.
 */
final class KeySpaces {
    private final NodeConfig config;
    private final MembershipService membership;

    KeySpaces(NodeConfig config, MembershipService membership) {
        this.config = config;
        this.membership = membership;
    }

    /** The live namespace of the key; the default namespace has none. */
    NamespaceSettings settings(Key key) {
        return settings(key.namespace());
    }

    /**
     * The replicas reads of the key ask: the ring's list for the cluster's N, narrowed to the namespace's (which
     * is never larger, see {@link io.dynamo.core.namespace.NamespacePlanner}).
     */
    PreferenceList readList(Ring ring, int partition, Key key) {
        PreferenceList list = ring.readList(partition, config.replicas());
        return key.inDefaultNamespace() ? list : list.narrowed(settings(key).replicas());
    }

    /** The lists a write of the key must reach W of, each narrowed as {@link #readList} is. */
    List<PreferenceList> writeLists(Ring ring, int partition, Key key) {
        List<PreferenceList> lists = ring.writeLists(partition, config.replicas());
        if (key.inDefaultNamespace()) {
            return lists;
        }
        int n = settings(key).replicas();
        return lists.stream().map(l -> l.narrowed(n)).toList();
    }

    /**
     * The nodes that may hold a partition's keys of a namespace: the replicas reads ask and those writes reach, in
     * the current ring and, during a ring change, the previous one, each list narrowed to the namespace's N.
     */
    Set<String> holders(Ring ring, int partition, String namespace) {
        int n = namespace.equals(Key.DEFAULT_NAMESPACE) ? Integer.MAX_VALUE : settings(namespace).replicas();
        Set<String> all = new TreeSet<>(ring.readList(partition, config.replicas()).narrowed(n).replicas());
        ring.writeLists(partition, config.replicas()).forEach(l -> all.addAll(l.narrowed(n).replicas()));
        return all;
    }

    /** The live namespace's settings; {@link UnknownNamespaceException} for one that does not exist. */
    NamespaceSettings settings(String namespace) {
        return membership.state().namespaces().live(namespace).map(Namespace::settings)
                .orElseThrow(() -> new UnknownNamespaceException(namespace));
    }

    /** Refuses a key longer than its namespace allows (or of a namespace that does not exist). */
    void requireKeyWithinLimit(Key key) {
        config.requireKeyWithinLimit(key);
        if (!key.inDefaultNamespace() && key.length() > settings(key).maxKeyBytes()) {
            throw new InvalidKeyException("the key has " + key.length() + " bytes; namespace " + key.namespace()
                    + " allows " + settings(key).maxKeyBytes());
        }
    }

    /** What a namespace's settings are checked against when it is created or changed. */
    ClusterLimits limits() {
        int nodes = membership.ring().map(r -> r.members().size()).orElse(1);
        return new ClusterLimits(nodes, membership.replicas(), config.maxKeyBytes(), config.maxValueBytes(),
                config.siblingsMax());
    }
}
