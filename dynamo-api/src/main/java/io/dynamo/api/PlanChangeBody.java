package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One change of a plan, in the body of {@code POST /admin/plan} and in every plan answered.
 *
 * @param op     {@code join}, {@code leave}, {@code remove} (a dead node), {@code replace}, or {@code settings}
 *               (the cluster's N, R and W)
 * @param node   the node joining, leaving, removed or replaced; absent for settings
 * @param weight join only: its relative capacity, 1 or more; 1 when absent
 * @param with   replace only: the new node that takes exactly {@code node}'s partitions
 * @param n      settings only: N, the replicas of each key
 * @param r      settings only: the default R
 * @param w      settings only: the default W
 */
@JsonbPropertyOrder({"op", "node", "weight", "with", "n", "r", "w"})
public record PlanChangeBody(String op, String node, Integer weight, String with, Integer n, Integer r, Integer w) {

    /** A change of a node: {@code op} with its node, and the weight of a join or the new node of a replace. */
    public static PlanChangeBody of(String op, String node, Integer weight, String with) {
        return new PlanChangeBody(op, node, weight, with, null, null, null);
    }
}
