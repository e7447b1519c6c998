package io.dynamo.core.node;

import io.dynamo.core.backup.BackupSupport;
import io.dynamo.core.handoff.HintStore;
import io.dynamo.core.membership.MembershipStore;
import io.dynamo.core.store.StorageEngine;
import io.dynamo.core.time.Scheduler;
import io.dynamo.core.transport.ClusterTransport;

/**
 * What a node is built from: its settings and the adapters it runs on. Production passes Xodus stores, a file
 * for membership and the JGroups transport; simulations pass in-memory stores, a simulated network and a manual
 * clock. {@code backups} names what a backup copies (nothing for in-memory stores).
 */
public record NodeServices(NodeConfig config, NodeTiming timing, ClusterSettings cluster, StorageEngine storage,
                           HintStore hints, MembershipStore membership, ClusterTransport transport,
                           Scheduler scheduler, BackupSupport backups) {

    /** Services whose stores a backup cannot copy (in memory). */
    public NodeServices(NodeConfig config, NodeTiming timing, ClusterSettings cluster, StorageEngine storage,
                        HintStore hints, MembershipStore membership, ClusterTransport transport, Scheduler scheduler) {
        this(config, timing, cluster, storage, hints, membership, transport, scheduler, BackupSupport.none());
    }
}
