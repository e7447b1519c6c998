package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code GET /admin/anti-entropy}: the answering node's replica synchronisation since it started.
 *
 * @param answeredBy   the node that answered
 * @param exchanges    successful exchanges (one partition with one other replica each)
 * @param failures     failed exchanges
 * @param keysCompared keys of differing segments compared
 * @param keysRepaired keys whose copy here changed by merging what a peer sent
 * @param keysSent     keys sent to peers
 * @param readRepairs  copies brought up to date by read repair (reads this node coordinated)
 * @param tombstonesRemoved deleted keys removed for good from this node once every replica held their tombstone
 * @param partitions   one entry per partition exchanged at least once, by partition
 */
@JsonbPropertyOrder({"answeredBy", "exchanges", "failures", "keysCompared", "keysRepaired", "keysSent", "readRepairs",
        "tombstonesRemoved", "partitions"})
public record AntiEntropyBody(String answeredBy, long exchanges, long failures, long keysCompared, long keysRepaired,
                              long keysSent, long readRepairs, long tombstonesRemoved,
                              List<PartitionExchangesBody> partitions) {
}
