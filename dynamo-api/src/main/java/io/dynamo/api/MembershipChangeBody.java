package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The request body of {@code POST /admin/join}, {@code /admin/leave} and their {@code /commit}.
 *
 * @param node        the node joining or leaving
 * @param weight      join only: its relative capacity, 1 or more; 1 when absent
 * @param ringVersion commit only: the {@code fromVersion} of the plan that was reviewed
 */
@JsonbPropertyOrder({"node", "weight", "ringVersion"})
public record MembershipChangeBody(String node, Integer weight, Long ringVersion) {
}
