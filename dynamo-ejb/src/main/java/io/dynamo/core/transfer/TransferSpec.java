package io.dynamo.core.transfer;

import java.util.List;
import java.util.TreeSet;

/**
 * What this node must do for one partition: stream it to {@code targets}, and, when {@code drop}, remove each
 * streamed key once every target acknowledged it (this node is no longer one of the partition's replicas).
 */
public record TransferSpec(int partition, List<String> targets, boolean drop) {

    public TransferSpec {
        if (partition < 0) {
            throw new IllegalArgumentException("partition " + partition + " is negative");
        }
        targets = List.copyOf(new TreeSet<>(targets));
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a transfer of partition " + partition + " needs a target");
        }
    }

    @Override
    public String toString() {
        return "p" + partition + "->" + targets + (drop ? " then drop" : "");
    }
}
