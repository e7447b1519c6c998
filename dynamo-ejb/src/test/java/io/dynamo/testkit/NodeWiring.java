package io.dynamo.testkit;

import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.store.StorageEngine;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

/**
 * What a test changes in how {@link LocalCluster} builds each node, through the seams production wiring has anyway:
 * the clock's truncation threshold, a decorator around the node's store (to count what the store sees, or to plant a
 * bug in it), and how far each node's clock is off.
 *
 * @param clockMaxEntries entries a version's clock keeps before truncation
 * @param storage         wraps the store a node is started on: (node id, store) to the store it uses
 * @param clockOffsets    milliseconds by which a node's clock is ahead (negative: behind) of simulated time
 */
public record NodeWiring(int clockMaxEntries, BiFunction<String, StorageEngine, StorageEngine> storage,
                         ToLongFunction<String> clockOffsets) {

    public static final NodeWiring PLAIN = new NodeWiring(NodeConfig.DEFAULT_CLOCK_MAX_ENTRIES, (id, s) -> s, id -> 0);

    public NodeWiring withClockMaxEntries(int entries) {
        return new NodeWiring(entries, storage, clockOffsets);
    }

    public NodeWiring withStorage(BiFunction<String, StorageEngine, StorageEngine> decorator) {
        return new NodeWiring(clockMaxEntries, decorator, clockOffsets);
    }

    public NodeWiring withClockOffsets(ToLongFunction<String> offsets) {
        return new NodeWiring(clockMaxEntries, storage, offsets);
    }
}
