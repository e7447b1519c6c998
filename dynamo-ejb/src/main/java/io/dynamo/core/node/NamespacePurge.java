package io.dynamo.core.node;

import io.dynamo.core.base.Key;
import io.dynamo.core.namespace.Namespace;
import io.dynamo.core.namespace.NamespaceCatalog;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.time.Scheduler;
import io.dynamo.core.version.SiblingSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Removes a dropped namespace's keys from this node once it learns of the drop: from then on its store discards
 * any write of them (late replicas, hints, transfers, repairs), and one pass over every partition removes what it
 * holds (the Merkle trees follow the removals). Runs one partition per task on the scheduler, so requests go on.
 */
final class NamespacePurge {
    private static final Logger LOG = Logger.getLogger(NamespacePurge.class.getName());

    /** How far the purge of one dropped namespace has come on this node. */
    record Progress(int partitionsDone, int partitions, long keysRemoved) {
        boolean done() {
            return partitionsDone == partitions;
        }
    }

    private final String node;
    private final ReplicaStore store;
    private final Scheduler scheduler;
    private final int partitions;
    private final Map<String, Progress> progress = new TreeMap<>();
    private volatile Set<String> dropped = Set.of();

    NamespacePurge(String node, ReplicaStore store, Scheduler scheduler, int partitions) {
        this.node = node;
        this.store = store;
        this.scheduler = scheduler;
        this.partitions = partitions;
        store.discard(key -> dropped.contains(key.namespace()));
    }

    /** Told of each new catalog: starts purging every namespace dropped since the last one. */
    synchronized void catalogChanged(NamespaceCatalog catalog) {
        Set<String> now = new TreeSet<>();
        catalog.entries().values().stream().filter(Namespace::dropped).forEach(n -> now.add(n.name()));
        dropped = Set.copyOf(now);
        for (String name : now) {
            if (!progress.containsKey(name)) {
                progress.put(name, new Progress(0, partitions, 0));
                scheduler.execute(() -> purge(name, 0));
            }
        }
    }

    /** The purge of each dropped namespace this node has heard of, by name. */
    synchronized Map<String, Progress> progress() {
        return Map.copyOf(progress);
    }

    private void purge(String name, int partition) {
        try {
            purgePartition(name, partition);
        } catch (RuntimeException e) {
            // A failing store: try the partition again later rather than leave the namespace's keys behind.
            LOG.warning("node " + node + " could not purge partition " + partition + " of dropped namespace " + name
                    + ": " + e.getMessage() + "; trying again in a second");
            scheduler.schedule(Duration.ofSeconds(1), () -> purge(name, partition));
        }
    }

    private void purgePartition(String name, int partition) {
        List<Key> keys = new ArrayList<>();
        store.storage().scan(partition, partitions, (key, versions) -> {
            if (key.namespace().equals(name)) {
                keys.add(key);
            }
        });
        long removed = 0;
        for (Key key : keys) {
            SiblingSet versions = store.storage().read(key);
            while (!versions.equals(SiblingSet.EMPTY) && !store.remove(key, versions)) {
                versions = store.storage().read(key); // a write came in between; it is discarded from now on
            }
            removed++;
        }
        Progress next;
        synchronized (this) {
            Progress was = progress.get(name);
            next = new Progress(partition + 1, partitions, was.keysRemoved() + removed);
            progress.put(name, next);
        }
        if (next.done()) {
            LOG.info(() -> "node " + node + " removed the " + next.keysRemoved() + " keys it held of dropped namespace "
                    + name);
        } else {
            scheduler.execute(() -> purge(name, partition + 1));
        }
    }
}
