package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * One key's outcome in a batch's answer: what a single request for the key would have answered, as JSON.
 *
 * @param key      the key as the batch named it
 * @param status   the status a single request would have had: 200 (one version) or 300 (siblings) for a read that
 *                 found the key, 404 for a missing or deleted key, 204 for a write, or the error's status
 * @param context  the context of the read or of the new version (a deleted key's too); absent otherwise
 * @param etag     the ETag header a single request would carry, quotes included; absent when there is no context
 * @param siblings the versions a read found; absent for writes, missing keys and errors
 * @param error    the JSON error a single request would have answered (404 {@code not_found} included); absent on
 *                 success
 */
@JsonbPropertyOrder({"key", "status", "context", "etag", "siblings", "error"})
public record BatchResultBody(String key, int status, String context, String etag, List<SiblingBody> siblings,
                              ErrorBody error) {
}
