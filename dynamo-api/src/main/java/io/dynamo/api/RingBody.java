package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code GET /admin/ring}: who owns which partition, as the answering node knows it.
 *
 * @param answeredBy  the node that answered
 * @param version     the ring's version; every join or leave raises it by one
 * @param partitions  Q, the number of equal partitions of the MD5 hash space
 * @param replicas    N, copies of each key
 * @param readQuorum  R
 * @param writeQuorum W
 * @param members     every member, by node id
 * @param owners      the owner of each partition, indexed by partition: partition p covers the hashes
 *                    [p * 2^128 / Q, (p + 1) * 2^128 / Q)
 * @param change      the ring change under way, or null when the ring is settled
 */
@JsonbPropertyOrder({"answeredBy", "version", "partitions", "replicas", "readQuorum", "writeQuorum", "members",
        "owners", "change"})
public record RingBody(String answeredBy, long version, int partitions, int replicas, int readQuorum,
                       int writeQuorum, List<MemberBody> members, List<String> owners, RingChangeBody change) {
}
