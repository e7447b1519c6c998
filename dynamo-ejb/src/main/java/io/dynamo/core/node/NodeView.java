package io.dynamo.core.node;

import io.dynamo.core.antientropy.AntiEntropyStats;
import io.dynamo.core.backup.BackupStatus;
import io.dynamo.core.base.Key;
import io.dynamo.core.handoff.HintQueue;
import io.dynamo.core.membership.MembershipState;
import io.dynamo.core.peer.PeerHealth;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingSettings;
import io.dynamo.core.stats.PeerLatencies;
import io.dynamo.core.stats.RequestStats;
import io.dynamo.core.transfer.TransferProgress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the admin, metrics and health views read of a node: immutable snapshots, taken when asked, so a view never
 * holds on to the node's moving parts.
 */
public interface NodeView {

    String id();

    NodeConfig config();

    /** The current ring; throws {@link io.dynamo.core.membership.RingUnknownException} until it is known. */
    Ring ring();

    /** The current ring, or empty while the node knows none. */
    Optional<Ring> knownRing();

    /**
     * The cluster's N, R and W, kept with its ring (this node's own while it knows none): what requests use, and
     * what the node's own settings give way to.
     */
    RingSettings settings();

    /** Every node this node knows of, the failure detector's opinion of its peers, and their key counts. */
    Members members();

    /** Where the key lives now, and which fallback would stand in for each replica this node routes around. */
    KeyPlacement placement(Key key);

    /** Every copy of the key on its replicas and on fallbacks holding a hint; see {@link ReplicaVersions}. */
    CompletableFuture<Map<String, ReplicaVersions>> versionsOnReplicas(Key key);

    Hints hints();

    Transfers transfers();

    Repairs repairs();

    /** Gets that read one more replica because an asked one was slower than recent replica reads, since start. */
    long speculativeReads();

    SiblingCounts siblings();

    /** Siblings per read, value sizes and timeouts of the requests this node answered, since start. */
    RequestStats.Snapshot requests();

    /** Per peer this node called: time from call to reply, and calls missed, since start. */
    Map<String, PeerLatencies.Snapshot> peerLatencies();

    /** One peer's latencies and misses; zero for a peer never called. */
    PeerLatencies.Snapshot peerLatency(String peer);

    /** Tells the listener of each peer as the node first measures a call to it, so a metrics view can add it. */
    void onPeerMeasured(Consumer<String> listener);

    /** Keys in this node's store; throws when the store cannot count now. */
    long keysStored();

    /** Why the last write to the store failed, while it is failing. */
    Optional<String> storageFailure();

    /** The backup under way with its progress, or the latest, and the latest that completed. */
    BackupStatus backup();

    /**
     * @param state      the gossiped membership: nodes, their status and address, and the ring
     * @param health     this node's opinion of each peer it called or heard of
     * @param keysStored per node, the newest key count known (this node's own counted now when the store can)
     */
    record Members(MembershipState state, Map<String, PeerHealth> health, Map<String, Long> keysStored) {
        public Members {
            health = Map.copyOf(health);
            keysStored = Map.copyOf(keysStored);
        }
    }

    /**
     * Hints held for unreachable replicas, one queue per target, and since start: how many were delivered, writes
     * not hinted because their target was down longer than the window, hints refused at the byte caps, hints
     * dropped at the maximum age, and hints for nodes out of the ring handed to their keys' current replicas.
     */
    record Hints(List<HintQueue> queues, long delivered, long notHinted, long refused, long expired, long rerouted) {
        public Hints {
            queues = List.copyOf(queues);
        }

        public Hints(List<HintQueue> queues, long delivered) {
            this(queues, delivered, 0, 0, 0, 0);
        }
    }

    /** Partitions being streamed to new replicas; idle when none is. */
    record Transfers(List<TransferProgress> progress, boolean idle) {
        public Transfers {
            progress = List.copyOf(progress);
        }
    }

    /** Background repair: anti-entropy's counters, copies repaired on reads, tombstones removed. */
    record Repairs(AntiEntropyStats antiEntropy, long readRepairs, long tombstonesReaped) {
    }

    /** The sibling limits and how often they were reached. */
    record SiblingCounts(int warn, int max, long warned, long refused) {
    }
}
