package io.dynamo.core.backup;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * What a node backs up and where the copying runs.
 *
 * @param cluster the cluster's name, for the manifest
 * @param sources the node's stores, in the order they are copied
 * @param runner  runs a backup (a thread of its own: a backup takes as long as the disk needs)
 */
public record BackupSupport(String cluster, List<BackupSource> sources, Executor runner) {
    public BackupSupport {
        sources = List.copyOf(sources);
    }

    /** For nodes whose stores live in memory (simulations): a backup holds the manifest alone. */
    public static BackupSupport none() {
        return new BackupSupport("", List.of(), Runnable::run);
    }
}
