package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One node of the cluster.
 *
 * @param node        its id
 * @param self        true for the answering node
 * @param status      {@code JOINING}, {@code JOINED}, {@code LEAVING} or {@code LEFT} from its gossiped record;
 *                    absent when the answering node has no record of it
 * @param httpAddress where its REST API answers ({@code host:port}); absent or empty when unknown
 * @param member      whether it is in the ring
 * @param weight      its weight in the ring; absent when it is not a member
 * @param partitions  partitions it owns
 * @param keysStored  keys in its storage: the answering node's own count, and for the others their count as last
 *                    gossiped (at most a few gossip rounds old); absent when no count reached the answering node yet
 * @param health      its health as the answering node sees it; the answering node reports itself {@code UP}
 */
@JsonbPropertyOrder({"node", "self", "status", "httpAddress", "member", "weight", "partitions", "keysStored",
        "health"})
public record NodeBody(String node, boolean self, String status, String httpAddress, boolean member, Integer weight,
                       int partitions, Long keysStored, HealthBody health) {
}
