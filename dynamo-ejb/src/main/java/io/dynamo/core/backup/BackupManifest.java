package io.dynamo.core.backup;

import java.util.List;

/**
 * What {@code manifest.json} says about a backup: whose data it is, the ring and cluster settings it was taken
 * under, when, and every file with its size and SHA-256.
 *
 * @param formatVersion {@link #FORMAT_VERSION}; a restore refuses others
 * @param node          the node whose stores these are
 * @param cluster       the cluster's name (its JGroups cluster); empty for a node that runs alone
 * @param ringVersion   the version of the ring the node had when the backup started (0: none yet)
 * @param createdMillis when the backup started, epoch milliseconds
 * @param keyCount      keys in the node's store when the backup started
 */
public record BackupManifest(int formatVersion, String node, String cluster, long ringVersion, int partitions,
                             int replicas, int readQuorum, int writeQuorum, long createdMillis, long keyCount,
                             List<BackupFile> files) {
    public static final int FORMAT_VERSION = 1;

    public BackupManifest {
        files = List.copyOf(files);
    }

    /** The same manifest listing these files. */
    public BackupManifest withFiles(List<BackupFile> written) {
        return new BackupManifest(formatVersion, node, cluster, ringVersion, partitions, replicas, readQuorum,
                writeQuorum, createdMillis, keyCount, written);
    }

    public long bytes() {
        return files.stream().mapToLong(BackupFile::size).sum();
    }
}
