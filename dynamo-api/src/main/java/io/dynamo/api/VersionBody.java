package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One version of a key on one node.
 *
 * @param dot         the write that made it
 * @param value       the bytes, standard base64 with padding; absent for a tombstone
 * @param contentType the Content-Type it was stored with
 * @param tombstone   true for a delete
 * @param superseded  true when another node's copy has already replaced it: this copy is stale and the version
 *                    is not in the merged set
 */
@JsonbPropertyOrder({"dot", "value", "contentType", "tombstone", "superseded"})
public record VersionBody(DotBody dot, String value, String contentType, boolean tombstone, boolean superseded) {
}
