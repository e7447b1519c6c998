package io.dynamo.core.ring;

/** One partition changing owner: its data streams from {@code from} to {@code to}. */
public record PartitionMove(int partition, String from, String to) {

    public PartitionMove {
        if (partition < 0 || from == null || to == null || from.equals(to)) {
            throw new IllegalArgumentException("invalid move of partition " + partition + " from " + from + " to " + to);
        }
    }

    @Override
    public String toString() {
        return partition + ":" + from + "->" + to;
    }
}
