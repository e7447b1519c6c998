package io.dynamo.core.node;

import io.dynamo.core.antientropy.AntiEntropyService;
import io.dynamo.core.antientropy.TombstoneReaper;
import io.dynamo.core.backup.BackupStatus;
import io.dynamo.core.backup.NodeBackup;
import io.dynamo.core.base.Key;
import io.dynamo.core.coordination.ReadCoordinator;
import io.dynamo.core.handoff.BoundedHintStore;
import io.dynamo.core.handoff.HintedHandoffService;
import io.dynamo.core.membership.LoadTable;
import io.dynamo.core.membership.MembershipService;
import io.dynamo.core.peer.FailureDetector;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingSettings;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.stats.PeerLatencies;
import io.dynamo.core.stats.RequestStats;
import io.dynamo.core.store.SiblingLimits;
import io.dynamo.core.transfer.PartitionTransfer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@link NodeView} over the node's collaborators: each call copies what it reports. */
final class NodeReadModel implements NodeView {
    private final NodeConfig config;
    private final MembershipService membership;
    private final FailureDetector detector;
    private final LoadTable loads;
    private final ReplicaStore store;
    private final HintedHandoffService handoff;
    private final BoundedHintStore hints;
    private final PartitionTransfer transfer;
    private final AntiEntropyService antiEntropy;
    private final ReadCoordinator reads;
    private final TombstoneReaper tombstones;
    private final ReplicaCopies copies;
    private final NodeBackup backup;
    private final Supplier<RequestStats.Snapshot> requests;
    private final PeerLatencies latencies;

    NodeReadModel(NodeConfig config, MembershipService membership, FailureDetector detector, LoadTable loads,
                  ReplicaStore store, HintedHandoffService handoff, BoundedHintStore hints, PartitionTransfer transfer,
                  AntiEntropyService antiEntropy, ReadCoordinator reads, TombstoneReaper tombstones,
                  ReplicaCopies copies, NodeBackup backup, Supplier<RequestStats.Snapshot> requests,
                  PeerLatencies latencies) {
        this.backup = backup;
        this.requests = requests;
        this.latencies = latencies;
        this.config = config;
        this.membership = membership;
        this.detector = detector;
        this.loads = loads;
        this.store = store;
        this.handoff = handoff;
        this.hints = hints;
        this.transfer = transfer;
        this.antiEntropy = antiEntropy;
        this.reads = reads;
        this.tombstones = tombstones;
        this.copies = copies;
    }

    @Override
    public String id() {
        return config.nodeId();
    }

    @Override
    public NodeConfig config() {
        return config;
    }

    @Override
    public Ring ring() {
        return membership.ringView().get();
    }

    @Override
    public Optional<Ring> knownRing() {
        return membership.ring();
    }

    @Override
    public RingSettings settings() {
        return membership.settings();
    }

    @Override
    public Members members() {
        Map<String, Long> keys = new HashMap<>();
        loads.snapshot().forEach((id, load) -> keys.put(id, load.keysStored()));
        try {
            keys.put(id(), keysStored());
        } catch (RuntimeException e) {
            // The storage cannot count now (its own health check says why); the last gossiped count stands in.
        }
        return new Members(membership.state(), detector.view(), keys);
    }

    @Override
    public KeyPlacement placement(Key key) {
        config.requireKeyWithinLimit(key);
        return KeyPlacement.of(id(), config.replicas(), ring(), key, detector);
    }

    @Override
    public CompletableFuture<Map<String, ReplicaVersions>> versionsOnReplicas(Key key) {
        return copies.versionsOnReplicas(key);
    }

    @Override
    public Hints hints() {
        return new Hints(handoff.queues(), handoff.deliveredCount(), hints.refusedOutsideWindow(),
                hints.refusedOverCap(), hints.expiredCount(), handoff.reroutedCount());
    }

    @Override
    public Transfers transfers() {
        return new Transfers(transfer.progress(), transfer.idle());
    }

    @Override
    public long speculativeReads() {
        return reads.speculativeReadCount();
    }

    @Override
    public Repairs repairs() {
        return new Repairs(antiEntropy.stats(), reads.repairCount(), tombstones.reaped());
    }

    @Override
    public SiblingCounts siblings() {
        SiblingLimits limits = store.limits();
        return new SiblingCounts(limits.warn(), limits.max(), limits.warned(), limits.refused());
    }

    @Override
    public RequestStats.Snapshot requests() {
        return requests.get();
    }

    @Override
    public Map<String, PeerLatencies.Snapshot> peerLatencies() {
        return latencies.snapshot();
    }

    @Override
    public PeerLatencies.Snapshot peerLatency(String peer) {
        return latencies.snapshot(peer);
    }

    @Override
    public void onPeerMeasured(Consumer<String> listener) {
        latencies.onNewPeer(listener);
    }

    @Override
    public long keysStored() {
        return store.storage().keyCount();
    }

    @Override
    public Optional<String> storageFailure() {
        return store.health().failure();
    }

    @Override
    public BackupStatus backup() {
        return backup.status();
    }
}
