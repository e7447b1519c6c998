package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The request body of {@code POST /admin/replace} and {@code /admin/replace/commit}.
 *
 * @param node        the member to replace, running or dead
 * @param with        the new node, started with the cluster's seeds, that takes exactly its partitions
 * @param ringVersion commit only: the {@code fromVersion} of the plan that was reviewed
 */
@JsonbPropertyOrder({"node", "with", "ringVersion"})
public record ReplaceBody(String node, String with, Long ringVersion) {
}
