package io.dynamo.core.version;

/** How one clock relates to another, in causal order. */
public enum Occurred {
    /** This clock happened before the other: the other has seen everything this one has. */
    BEFORE,
    /** This clock happened after the other. */
    AFTER,
    /** Neither has seen all of the other. */
    CONCURRENT,
    /** Both have seen exactly the same writes. */
    EQUAL
}
