package io.dynamo.core.namespace;

import io.dynamo.core.base.Key;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every namespace but {@code default} (which is the cluster's own key space, set with the ring), dropped ones
 * included. Immutable; {@link #merge} keeps, per name, the entry of higher {@link Namespace#PRECEDENCE}, so it is
 * commutative, associative and idempotent and gossip converges whatever the order of messages. Its version, the
 * highest of its entries, is what a plan starts from.
 */
public final class NamespaceCatalog {
    public static final NamespaceCatalog EMPTY = new NamespaceCatalog(Map.of());

    private final Map<String, Namespace> entries;

    private NamespaceCatalog(Map<String, Namespace> entries) {
        this.entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    public static NamespaceCatalog of(Collection<Namespace> entries) {
        Map<String, Namespace> byName = new TreeMap<>();
        for (Namespace n : entries) {
            if (NamespaceName.isDefault(n.name())) {
                throw new IllegalArgumentException("the default namespace is kept with the ring, not in the catalog");
            }
            if (byName.put(n.name(), n) != null) {
                throw new IllegalArgumentException("namespace " + n.name() + " has two entries; give one per name");
            }
        }
        return new NamespaceCatalog(byName);
    }

    /** Every entry by name, dropped ones included. */
    public Map<String, Namespace> entries() {
        return entries;
    }

    /** The namespace, unless it does not exist or was dropped. */
    public Optional<Namespace> live(String name) {
        Namespace n = entries.get(name);
        return n == null || n.dropped() ? Optional.empty() : Optional.of(n);
    }

    /** Whether keys of this namespace are garbage: it was dropped. Keys of unknown namespaces are kept. */
    public boolean dropped(Key key) {
        if (key.inDefaultNamespace()) {
            return false;
        }
        Namespace n = entries.get(key.namespace());
        return n != null && n.dropped();
    }

    /** The highest version of any entry, 0 for an empty catalog. */
    public long version() {
        return entries.values().stream().mapToLong(Namespace::version).max().orElse(0);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** This catalog with the entry replaced (the caller gives it a higher version). */
    public NamespaceCatalog with(Namespace entry) {
        Map<String, Namespace> next = new TreeMap<>(entries);
        next.put(entry.name(), entry);
        return of(next.values());
    }

    /** Per name, the entry every node keeps. */
    public NamespaceCatalog merge(NamespaceCatalog other) {
        Map<String, Namespace> merged = new TreeMap<>(entries);
        other.entries.forEach((name, n) -> merged.merge(name, n, Namespace::newer));
        NamespaceCatalog result = new NamespaceCatalog(merged);
        if (result.equals(this)) {
            return this;
        }
        return result.equals(other) ? other : result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamespaceCatalog other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "Namespaces" + entries.values();
    }
}
