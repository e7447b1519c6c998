package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One node of a key's preference list, with its health as the answering node sees it.
 *
 * @param node    its id
 * @param self    true for the answering node itself
 * @param standIn for a replica the answering node routes around: the fallback that would hold its copy as a hint
 *                now; absent otherwise (and for fallbacks)
 * @param health  its health; the answering node reports itself {@code UP}
 */
@JsonbPropertyOrder({"node", "self", "standIn", "health"})
public record PlacementBody(String node, boolean self, String standIn, HealthBody health) {
}
