package io.dynamo.core.namespace;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a namespace does with concurrent versions of a key. */
public enum ConflictPolicy {
    /** Keep them all as siblings for the client to merge (the paper's way). */
    SIBLINGS("siblings"),
    /**
     * Keep only the latest version by its hybrid logical clock time (then actor, then counter): concurrent writes
     * other than the latest are dropped, by design (docs/versioning.md).
     */
    LAST_WRITE_WINS("last-write-wins");

    private final String label;

    ConflictPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ConflictPolicy of(String label) {
        for (ConflictPolicy p : values()) {
            if (p.label.equals(label)) {
                return p;
            }
        }
        throw new InvalidNamespaceException("conflict policy '" + label + "' is unknown: it is one of "
                + Arrays.stream(values()).map(ConflictPolicy::label).collect(Collectors.joining(", ")));
    }
}
