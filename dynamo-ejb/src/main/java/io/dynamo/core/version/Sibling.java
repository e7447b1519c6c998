package io.dynamo.core.version;

import java.util.Objects;

/**
 * One version of a key: the value, the dot of the write that made it, and the hybrid time at which its coordinator
 * stamped it ({@link HybridTime#ZERO} for versions stored before versions carried a time).
 */
public record Sibling(Dot dot, Value value, HybridTime time) {
    public Sibling {
        Objects.requireNonNull(dot, "dot");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(time, "time");
    }

    /** A version without a known time. */
    public Sibling(Dot dot, Value value) {
        this(dot, value, HybridTime.ZERO);
    }
}
