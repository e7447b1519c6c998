package io.dynamo.core.antientropy;

import java.util.List;

/**
 * A snapshot of this node's anti-entropy activity: totals over all partitions, and per partition ever exchanged.
 *
 * @param partitions one entry per partition with at least one exchange, by partition number
 */
public record AntiEntropyStats(long exchanges, long failures, long keysCompared, long keysRepaired, long keysSent,
        List<PartitionStats> partitions) {

    public AntiEntropyStats {
        partitions = List.copyOf(partitions);
    }

    static AntiEntropyStats of(List<PartitionStats> partitions) {
        long exchanges = 0;
        long failures = 0;
        long compared = 0;
        long repaired = 0;
        long sent = 0;
        for (PartitionStats p : partitions) {
            exchanges += p.exchanges();
            failures += p.failures();
            compared += p.keysCompared();
            repaired += p.keysRepaired();
            sent += p.keysSent();
        }
        return new AntiEntropyStats(exchanges, failures, compared, repaired, sent, partitions);
    }

    /** The partition's entry, or an empty one if it was never exchanged. */
    public PartitionStats partition(int partition) {
        return partitions.stream().filter(p -> p.partition() == partition).findFirst()
                .orElse(PartitionStats.none(partition));
    }
}
