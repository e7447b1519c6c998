package io.dynamo.console.viewmodel;

/** A node's health as the answering node sees it; the views colour each the same way everywhere. */
public enum Reachability {
    UP, SUSPECT, DOWN, UNKNOWN;

    public static Reachability of(String wire) {
        if (wire == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(wire);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** The CSS style class the views use for this health. */
    public String styleClass() {
        return "health-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
