package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * One node's copy of a key.
 *
 * @param node      the node
 * @param replica   true for one of the key's N replicas; false for a fallback holding a hint for one of them
 * @param error     why the node's copy could not be read; absent when it answered (and then the fields below
 *                  are absent)
 * @param relation  how this copy's clock compares with the merged clock: {@code EQUAL} (up to date) or
 *                  {@code BEFORE} (missing writes the others have)
 * @param relations how this copy's clock compares with each other answering node's copy: {@code EQUAL},
 *                  {@code BEFORE}, {@code AFTER} or {@code CONCURRENT}, by node
 * @param clock     this copy's version vector
 * @param siblings  this copy's versions
 */
@JsonbPropertyOrder({"node", "replica", "error", "relation", "relations", "clock", "siblings"})
public record ReplicaVersionsBody(String node, boolean replica, String error, String relation,
                                  Map<String, String> relations, List<ClockEntryBody> clock,
                                  List<VersionBody> siblings) {
}
