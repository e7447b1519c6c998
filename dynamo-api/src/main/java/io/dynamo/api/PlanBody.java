package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * A ring change (a join, leave, remove, replace, or a plan of several): what it moves, and whether it was
 * committed.
 *
 * @param answeredBy  the node that planned (and committed) it
 * @param operation   {@code join}, {@code leave}, {@code remove}, {@code replace} or {@code plan}
 * @param node        the node joining, leaving, removed or replaced; absent for a plan of several changes
 * @param weight      join only: the newcomer's weight
 * @param committed   false for a plan (nothing changed yet), true once the new ring is in place
 * @param fromVersion the ring the plan starts from; send it back as {@code ringVersion} to commit
 * @param toVersion   the ring it makes
 * @param moves       every partition that changes owner, ascending by partition
 * @param counts      partitions owned per node before and after, by node
 * @param changes     the changes planned, in order (one for a join, leave, remove or replace)
 */
@JsonbPropertyOrder({"answeredBy", "operation", "node", "weight", "committed", "fromVersion", "toVersion", "moves",
        "counts", "changes"})
public record PlanBody(String answeredBy, String operation, String node, Integer weight, boolean committed,
                       long fromVersion, long toVersion, List<MoveBody> moves, List<PartitionCountBody> counts,
                       List<PlanChangeBody> changes) {
}
