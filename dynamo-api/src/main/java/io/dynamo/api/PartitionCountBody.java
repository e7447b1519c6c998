package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** Partitions one node owns before and after a ring change (0 when it is not a member). */
@JsonbPropertyOrder({"node", "before", "after"})
public record PartitionCountBody(String node, int before, int after) {
}
