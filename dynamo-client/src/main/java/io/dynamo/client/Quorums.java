package io.dynamo.client;

import java.util.Objects;
import java.util.OptionalInt;

/** The checks ReadOptions and WriteOptions share; the upper bound (N) is the node's to enforce. */
final class Quorums {
    private Quorums() {
    }

    static void check(String name, OptionalInt quorum) {
        Objects.requireNonNull(quorum, name + " (use OptionalInt.empty() for the cluster's default)");
        if (quorum.isPresent() && quorum.getAsInt() < 1) {
            throw new IllegalArgumentException(name + " = " + quorum.getAsInt() + " is invalid: a quorum is at least 1");
        }
    }

    static String query(String name, OptionalInt quorum) {
        return quorum.isPresent() ? "?" + name + "=" + quorum.getAsInt() : "";
    }
}
