package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A file of a backup.
 *
 * @param path   relative to the backup's directory and to the data directory it is restored into
 * @param size   bytes
 * @param sha256 SHA-256 of the content, lower-case hex
 */
@JsonbPropertyOrder({"path", "size", "sha256"})
public record BackupFileBody(String path, long size, String sha256) {
}
