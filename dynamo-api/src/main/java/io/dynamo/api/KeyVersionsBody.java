package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code GET /admin/keys/{key}/versions}: a key's versions on each node that holds it, side by side.
 *
 * @param answeredBy the node that asked the others
 * @param key        the key, as text (or {@code 0x} and hex when not printable)
 * @param partition  its partition
 * @param merged     the merge of every copy that answered: what a read of all replicas returns. A put with its
 *                   context supersedes every sibling listed anywhere in this answer
 * @param replicas   the key's replicas in preference order, then any fallback that holds a hint for it
 */
@JsonbPropertyOrder({"answeredBy", "key", "partition", "merged", "replicas"})
public record KeyVersionsBody(String answeredBy, String key, int partition, VersionSetBody merged,
                              List<ReplicaVersionsBody> replicas) {
}
