package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code GET} and {@code POST /admin/backup}: the answering node's backup under way or latest, with its progress,
 * and the latest that completed.
 *
 * @param answeredBy     the node that answered
 * @param state          {@code IDLE} (none yet), {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param directory      the directory of the backup under way or the latest; absent before the first
 * @param startedMillis  when it started, epoch milliseconds (0 before the first)
 * @param finishedMillis when it ended (0 while it runs)
 * @param filesDone      files copied so far
 * @param filesTotal     files to copy
 * @param bytesDone      bytes copied so far
 * @param bytesTotal     bytes to copy
 * @param error          why it failed; absent unless {@code FAILED}
 * @param lastDirectory  the directory of the latest backup that completed; absent when none did
 * @param lastManifest   its manifest
 */
@JsonbPropertyOrder({"answeredBy", "state", "directory", "startedMillis", "finishedMillis", "filesDone", "filesTotal",
        "bytesDone", "bytesTotal", "error", "lastDirectory", "lastManifest"})
public record BackupBody(String answeredBy, String state, String directory, long startedMillis, long finishedMillis,
                         int filesDone, int filesTotal, long bytesDone, long bytesTotal, String error,
                         String lastDirectory, BackupManifestBody lastManifest) {
}
