package io.dynamo.console.viewmodel;

import java.util.List;

/** What one node holds for a key: how its clock compares, the clock itself and its siblings. */
public record ReplicaCopy(String node, String role, String state, boolean upToDate, boolean concurrent, String clock,
                          String relations, List<SiblingItem> siblings) {
    /** The style class the views give the state: up to date, or stale / not answering. */
    public String stateStyle() {
        return upToDate ? "health-up" : "health-down";
    }
}
