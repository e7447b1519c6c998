package io.dynamo.console.viewmodel;

/** One hint queue: the node holding hints for a replica that was down, and that replica. */
public record HintQueueRow(String holder, String target, long count, Measure bytes, Age oldest, boolean live) {
    /** The holder as shown: a holder whose stream broke is marked, its numbers are as last reported. */
    public String holderText() {
        return live ? holder : holder + " (unreachable: as last reported)";
    }
}
