package io.dynamo.core.backup;

/**
 * A file in a backup, as its manifest lists it.
 *
 * @param path   relative to the backup's directory (and to the node's data directory it is restored to)
 * @param size   its length in bytes
 * @param sha256 the SHA-256 of its content, lower-case hex
 */
public record BackupFile(String path, long size, String sha256) {
}
