package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A namespace in {@code GET /admin/namespaces} and in the answers of its plans and commits.
 *
 * @param name          the namespace's name ({@code default} holds the keys of {@code /kv/{key}})
 * @param n             N, the replicas of each of its keys
 * @param r             the default R of a read
 * @param w             the default W of a write
 * @param dw            the default dw of a write; 0 for the node's durability setting
 * @param policy        the conflict policy: {@code siblings}
 * @param maxKeyBytes   the longest key it takes
 * @param maxValueBytes the largest value it takes
 * @param siblingsWarn  a write that leaves a key with more siblings is logged and counted
 * @param siblingsMax   a write that would leave a key with more siblings is refused
 * @param role          the role a client needs: {@code none}, {@code client}, {@code admin} or another role's name
 * @param ttl           the time to live, in seconds, of a put that gives none; 0 for none
 * @param version       the catalog version of its last change (0 for {@code default})
 * @param state         {@code live}, or for a dropped namespace {@code dropping} while the node that answered still
 *                      removes its keys, then {@code dropped}
 * @param keysHere      keys of the namespace on the node that answered (tombstones included), null in plans
 * @param purge         for a dropped namespace, how far the node that answered has come in removing its keys
 */
@JsonbPropertyOrder({"name", "n", "r", "w", "dw", "policy", "maxKeyBytes", "maxValueBytes", "siblingsWarn",
        "siblingsMax", "role", "ttl", "version", "state", "keysHere", "purge"})
public record NamespaceBody(String name, int n, int r, int w, int dw, String policy, int maxKeyBytes,
                            int maxValueBytes, int siblingsWarn, int siblingsMax, String role, long ttl,
                            long version, String state, Long keysHere, PurgeBody purge) {

    /** Partitions of the node's store scanned for the namespace's keys, out of all, and the keys removed. */
    @JsonbPropertyOrder({"partitionsDone", "partitions", "keysRemoved"})
    public record PurgeBody(int partitionsDone, int partitions, long keysRemoved) {
    }
}
