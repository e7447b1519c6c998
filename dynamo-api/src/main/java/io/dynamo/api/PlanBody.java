package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * A join or leave: what it moves, and whether it was committed.
 *
 * @param answeredBy  the node that planned (and committed) it
 * @param operation   {@code join} or {@code leave}
 * @param node        the node joining or leaving
 * @param weight      join only: the newcomer's weight
 * @param committed   false for a plan (nothing changed yet), true once the new ring is in place
 * @param fromVersion the ring the plan starts from; send it back as {@code ringVersion} to commit
 * @param toVersion   the ring it makes
 * @param moves       every partition that changes owner, ascending by partition
 * @param counts      partitions owned per node before and after, by node
 */
@JsonbPropertyOrder({"answeredBy", "operation", "node", "weight", "committed", "fromVersion", "toVersion", "moves",
        "counts"})
public record PlanBody(String answeredBy, String operation, String node, Integer weight, boolean committed,
                       long fromVersion, long toVersion, List<MoveBody> moves, List<PartitionCountBody> counts) {
}
