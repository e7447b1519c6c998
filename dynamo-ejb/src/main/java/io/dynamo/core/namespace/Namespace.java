package io.dynamo.core.namespace;

import java.util.Comparator;
import java.util.Objects;

/**
 * One entry of the catalog: a namespace's settings at a version, or the record that it was dropped (kept, so that
 * gossip from a node that has not heard of the drop cannot bring it back, and late copies of its keys are known to be
 * garbage).
 */
public record Namespace(String name, NamespaceSettings settings, long version, boolean dropped) {
    /** Deterministic order of two entries of one name: the higher version; on a tie a drop, then the settings. */
    static final Comparator<Namespace> PRECEDENCE = Comparator.comparingLong(Namespace::version)
            .thenComparing(Namespace::dropped)
            .thenComparing(n -> n.settings().toString());

    public Namespace {
        NamespaceName.check(name);
        Objects.requireNonNull(settings);
        if (version < 1) {
            throw new IllegalArgumentException("namespace " + name + " has version " + version + "; versions start at 1");
        }
    }

    /** Of two entries of one name, the one every node keeps. */
    static Namespace newer(Namespace a, Namespace b) {
        return PRECEDENCE.compare(a, b) >= 0 ? a : b;
    }
}
