package io.dynamo.console.viewmodel;

/** A partition a plan moves from one owner to another. */
public record MoveRow(int partition, String from, String to) {
}
