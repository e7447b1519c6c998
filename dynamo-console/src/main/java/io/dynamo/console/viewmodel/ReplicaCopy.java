package io.dynamo.console.viewmodel;

import java.util.List;

/** What one node holds for a key: how its clock compares, the clock itself and its siblings. */
public record ReplicaCopy(String node, String role, String state, boolean concurrent, String clock,
                          String relations, List<SiblingItem> siblings) {
}
