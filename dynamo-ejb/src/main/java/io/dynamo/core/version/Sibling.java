package io.dynamo.core.version;

import java.util.Objects;

/** One version of a key: the value and the dot of the write that made it. */
public record Sibling(Dot dot, Value value) {
    public Sibling {
        Objects.requireNonNull(dot, "dot");
        Objects.requireNonNull(value, "value");
    }
}
