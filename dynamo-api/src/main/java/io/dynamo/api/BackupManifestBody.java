package io.dynamo.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * A backup's {@code manifest.json} (also in {@link BackupBody}): whose data, under which ring and settings, when,
 * and every file with its size and SHA-256.
 *
 * @param formatVersion 1; a restore refuses other versions
 * @param node          the node whose stores these are
 * @param cluster       the cluster's name; empty for a node that runs alone
 * @param ringVersion   the ring the node had when the backup started (0: none yet)
 * @param partitions    Q
 * @param replicas      N
 * @param readQuorum    R
 * @param writeQuorum   W
 * @param createdMillis when the backup started, epoch milliseconds
 * @param created       the same time in ISO-8601 (UTC)
 * @param keyCount      keys in the node's store when the backup started
 * @param files         every file of the backup but the manifest
 */
@JsonbPropertyOrder({"formatVersion", "node", "cluster", "ringVersion", "partitions", "replicas", "readQuorum",
        "writeQuorum", "createdMillis", "created", "keyCount", "files"})
public record BackupManifestBody(int formatVersion, String node, String cluster, long ringVersion, int partitions,
                                 int replicas, int readQuorum, int writeQuorum, long createdMillis, String created,
                                 long keyCount, List<BackupFileBody> files) {
}
