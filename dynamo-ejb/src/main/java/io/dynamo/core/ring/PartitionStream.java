package io.dynamo.core.ring;

import java.util.Comparator;

/** One copy a ring change needs: {@code source} hands its copy of {@code partition} to {@code target}. */
public record PartitionStream(int partition, String source, String target) implements Comparable<PartitionStream> {
    private static final Comparator<PartitionStream> ORDER = Comparator.comparingInt(PartitionStream::partition)
            .thenComparing(PartitionStream::source).thenComparing(PartitionStream::target);

    public PartitionStream {
        if (partition < 0) {
            throw new IllegalArgumentException("partition " + partition + " is negative");
        }
        if (source.equals(target)) {
            throw new IllegalArgumentException("node " + source + " cannot stream partition " + partition
                    + " to itself");
        }
    }

    @Override
    public int compareTo(PartitionStream o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return "p" + partition + ":" + source + "->" + target;
    }
}
