package io.dynamo.console.viewmodel;

/** One node of a key's preference list: its role, its health and, for a replica routed around, who holds its hint. */
public record PlacementRow(String role, String node, Reachability health, String standIn) {
}
