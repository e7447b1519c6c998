package io.dynamo.console.viewmodel;

/** One hint queue: the node holding hints for a replica that was down, and that replica. */
public record HintQueueRow(String holder, String target, long count, Measure bytes, Age oldest) {
}
