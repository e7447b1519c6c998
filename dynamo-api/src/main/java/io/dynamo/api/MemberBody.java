package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One member of the ring.
 *
 * @param node       its id
 * @param weight     its relative capacity; partitions are shared in proportion to weight
 * @param partitions how many partitions it owns
 * @param share      the fraction of the hash space it owns (partitions / Q)
 */
@JsonbPropertyOrder({"node", "weight", "partitions", "share"})
public record MemberBody(String node, int weight, int partitions, double share) {
}
