package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One change of a plan, in the body of {@code POST /admin/plan} and in every plan answered.
 *
 * @param op     {@code join}, {@code leave}, {@code remove} (a dead node) or {@code replace}
 * @param node   the node joining, leaving, removed or replaced
 * @param weight join only: its relative capacity, 1 or more; 1 when absent
 * @param with   replace only: the new node that takes exactly {@code node}'s partitions
 */
@JsonbPropertyOrder({"op", "node", "weight", "with"})
public record PlanChangeBody(String op, String node, Integer weight, String with) {
}
