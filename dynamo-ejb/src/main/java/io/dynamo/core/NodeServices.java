package io.dynamo.core;

import io.dynamo.core.handoff.HintStore;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.store.StorageEngine;
import io.dynamo.core.time.Scheduler;
import io.dynamo.core.transport.ClusterTransport;
import java.util.function.Supplier;

/**
 * What a node is built from: its settings and the adapters it runs on. Production passes Xodus stores and the
 * JGroups transport; simulations pass in-memory stores, a simulated network and a manual clock.
 *
 * @param ring the current ring (membership decides it; the node only reads it)
 */
public record NodeServices(NodeConfig config, NodeTiming timing, StorageEngine storage, HintStore hints,
                           ClusterTransport transport, Scheduler scheduler, Supplier<Ring> ring) {
}
