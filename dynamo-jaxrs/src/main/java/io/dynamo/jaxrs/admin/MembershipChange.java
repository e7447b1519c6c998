package io.dynamo.jaxrs.admin;

/**
 * A parsed join or leave request.
 *
 * @param node        the node joining or leaving
 * @param weight      join only (1 for a leave)
 * @param ringVersion commit only: the ring version the reviewed plan started from (0 for a plan)
 */
record MembershipChange(String node, int weight, long ringVersion) {
}
