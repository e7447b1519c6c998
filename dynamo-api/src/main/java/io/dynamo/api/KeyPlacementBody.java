package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code GET /admin/ring/key/{key}}: where a key lives.
 *
 * @param answeredBy  the node that answered
 * @param key         the key, as text (or {@code 0x} and hex when not printable)
 * @param position    the key's MD5, 32 hex digits: its position on the ring as an unsigned 128-bit number
 * @param partition   the partition holding that position (the top log2(Q) bits)
 * @param ringVersion the ring this placement was computed from
 * @param replicas    the key's preference list: the N nodes holding its copies, the coordinator first
 * @param fallbacks   the other nodes in ring order; the first healthy ones stand in for unreachable replicas
 */
@JsonbPropertyOrder({"answeredBy", "key", "position", "partition", "ringVersion", "replicas", "fallbacks"})
public record KeyPlacementBody(String answeredBy, String key, String position, int partition, long ringVersion,
                               List<PlacementBody> replicas, List<PlacementBody> fallbacks) {
}
