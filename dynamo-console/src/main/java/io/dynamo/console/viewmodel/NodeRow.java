package io.dynamo.console.viewmodel;

/** A row of the nodes table, in the units it is shown in; every column sorts by value. */
public record NodeRow(String node, boolean self, String status, String address, Reachability health,
                      Age lastContact, Measure rtt, int partitions, Measure keysStored, int failures) {
}
