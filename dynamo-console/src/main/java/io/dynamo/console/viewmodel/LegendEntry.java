package io.dynamo.console.viewmodel;

/** A node in the ring legend: its colour and what it owns ({@code after} differs while a plan is shown). */
public record LegendEntry(String node, String color, int partitions, String detail) {
}
