package io.dynamo.core.store;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.SiblingSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Keeps blind writes from piling up siblings without bound. A coordinated write that would leave a key with more than
 * {@code max} siblings, and more than it had, is refused: the caller must read the siblings and write one merged
 * version with their context (which such a write always may, as it shrinks the set). Past {@code warn} the write goes
 * through but is logged and counted. Versions merged from other replicas are never refused: that would lose writes
 * other coordinators accepted. A namespace may set lower limits for its keys ({@link #forNamespaces}).
 */
public final class SiblingLimits {
    private static final Logger LOG = Logger.getLogger(SiblingLimits.class.getName());
    private static final long LOG_EVERY_MILLIS = 1000;

    private final String node;
    private final int warn;
    private final int max;
    private final AtomicLong warned = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);
    private volatile Map<String, int[]> byNamespace = Map.of();

    public SiblingLimits(String node, int warn, int max) {
        if (warn < 1 || warn > max) {
            throw new IllegalArgumentException("sibling limits need 1 <= warn <= max, got warn " + warn + ", max "
                    + max);
        }
        this.node = node;
        this.warn = warn;
        this.max = max;
    }

    public static SiblingLimits none(String node) {
        return new SiblingLimits(node, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** The warning and maximum of each namespace that sets its own, by name; replaces the last ones given. */
    public void forNamespaces(Map<String, int[]> warnAndMax) {
        byNamespace = Map.copyOf(warnAndMax);
    }

    /** Throws when {@code after} breaks the maximum; call before the write is stored. */
    void check(Key key, SiblingSet before, SiblingSet after) {
        int count = after.siblings().size();
        int[] own = byNamespace.get(key.namespace());
        int limit = own == null ? max : own[1];
        if (count > limit && count > before.siblings().size()) {
            refused.incrementAndGet();
            throw new TooManySiblingsException("node " + node + " refused the write: key '" + key + "' would have "
                    + count + " siblings, more than the limit of " + limit + (own == null
                    ? " (setting dynamo.siblings.max)" : " of namespace " + key.namespace()) + "; read the"
                    + " key, merge its siblings and write the merged value back with the context of that read");
        }
    }

    /** Counts and logs (at most once a second) a stored write past the warning threshold. */
    void stored(Key key, SiblingSet after, long nowMillis) {
        int count = after.siblings().size();
        int[] own = byNamespace.get(key.namespace());
        if (count <= (own == null ? warn : own[0])) {
            return;
        }
        warned.incrementAndGet();
        long last = lastLogged.get();
        if (nowMillis - last >= LOG_EVERY_MILLIS && lastLogged.compareAndSet(last, nowMillis)) {
            LOG.warning("node " + node + ": key '" + key + "' has " + count + " siblings, more than " + warn
                    + " (setting dynamo.siblings.warn); its writers should read it and write back a merged value"
                    + " with the read's context");
        }
    }

    public int warn() {
        return warn;
    }

    public int max() {
        return max;
    }

    /** Coordinated writes that left a key past the warning threshold, since the node started. */
    public long warned() {
        return warned.get();
    }

    /** Coordinated writes refused for the maximum, since the node started. */
    public long refused() {
        return refused.get();
    }
}
