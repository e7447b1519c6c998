package io.dynamo.api;

/**
 * {@code POST /admin/backup}: where the answering node writes a backup.
 *
 * @param directory an absolute path of an existing, writable directory on that node's own disk; the backup goes
 *                  into a new directory under it
 */
public record BackupRequestBody(String directory) {
}
