package io.dynamo.infra;

import io.dynamo.core.store.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What a restore ({@code dynamo-admin restore}, io.dynamo.client.restore.NodeRestore, which names the same files)
 * leaves in a node's data directory for its next start: {@value #INCOMPLETE} while it copies, so that a node never
 * starts on half a restore; then {@value #PENDING}, which the node turns into {@value #APPLIED} once its store took
 * a new incarnation (the restored counters are behind the dots the node issued after the backup).
 */
final class RestoreMarkers {
    static final String INCOMPLETE = "restore.incomplete";
    static final String PENDING = "restore.pending";
    static final String APPLIED = "restore.applied";

    private RestoreMarkers() {
    }

    /**
     * @return true when the data directory holds a restore the node has not started on yet
     * @throws StorageException while a restore into it is incomplete
     */
    static boolean pending(Path dataDir) {
        if (Files.exists(dataDir.resolve(INCOMPLETE))) {
            throw new StorageException("the data directory " + dataDir + " holds an incomplete restore (" + INCOMPLETE
                    + " is there): run dynamo-admin restore again with --replace before starting the node", null);
        }
        return Files.exists(dataDir.resolve(PENDING));
    }

    /** The restore is applied: the store has its new incarnation (marked only after it is durable). */
    static void applied(Path dataDir) {
        try {
            Files.move(dataDir.resolve(PENDING), dataDir.resolve(APPLIED), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StorageException("cannot mark the restore in " + dataDir + " as applied: " + e, e);
        }
    }
}
