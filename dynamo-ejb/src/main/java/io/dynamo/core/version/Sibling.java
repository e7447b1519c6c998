package io.dynamo.core.version;

import java.util.Objects;

/**
 * One version of a key: the value, the dot of the write that made it, and the hybrid time at which its coordinator
 * stamped it ({@link HybridTime#ZERO} for versions stored before versions carried a time). The value's expiry, if
 * any, is part of the version: every replica's copy expires at the same wall-clock time.
 */
public record Sibling(Dot dot, Value value, HybridTime time) {
    public Sibling {
        Objects.requireNonNull(dot, "dot");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(time, "time");
    }

    /** This version as it reads once expired: a tombstone of the same dot and time. */
    public Sibling buried() {
        return value.isTombstone() ? this : new Sibling(dot, Value.tombstone(), time);
    }

    /**
     * Of two copies of one version (the same dot), the one a merge keeps: a tombstone, when one replica has already
     * buried the version as expired, since a dot is written once and only expiry turns its value into a tombstone.
     */
    static Sibling deader(Sibling a, Sibling b) {
        return b.value.isTombstone() && !a.value.isTombstone() ? b : a;
    }

    /** A version without a known time. */
    public Sibling(Dot dot, Value value) {
        this(dot, value, HybridTime.ZERO);
    }
}
