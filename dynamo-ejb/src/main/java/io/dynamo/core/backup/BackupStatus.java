package io.dynamo.core.backup;

import java.util.Optional;

/**
 * A node's backup: the one under way or the latest, and the latest that completed.
 *
 * @param state          {@code IDLE} before the first, then {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param directory      the directory of the backup under way or the latest; empty before the first
 * @param startedMillis  when it started (0 before the first)
 * @param finishedMillis when it ended (0 while it runs)
 * @param filesDone      files copied so far
 * @param filesTotal     files to copy (known once the stores are pinned)
 * @param bytesDone      bytes copied so far
 * @param bytesTotal     bytes to copy
 * @param error          why it failed; empty unless {@code FAILED}
 * @param last           the latest backup that completed, with its directory
 */
public record BackupStatus(State state, Optional<String> directory, long startedMillis, long finishedMillis,
                           int filesDone, int filesTotal, long bytesDone, long bytesTotal, Optional<String> error,
                           Optional<Completed> last) {
    public static final BackupStatus IDLE = new BackupStatus(State.IDLE, Optional.empty(), 0, 0, 0, 0, 0, 0,
            Optional.empty(), Optional.empty());

    public enum State { IDLE, RUNNING, DONE, FAILED }

    /** A backup that completed: where it is and its manifest. */
    public record Completed(String directory, BackupManifest manifest) {
    }
}
