package io.dynamo.core.transport;

import io.dynamo.core.base.Key;
import io.dynamo.core.membership.MembershipState;
import io.dynamo.core.membership.NodeLoad;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Everything nodes say to each other. Each request names the reply it expects in its comment. */
public sealed interface Message {

    /** Asks a replica for its versions of a key (and any it holds as hints). Reply: {@link ReplicaState}. */
    record ReadReplica(Key key) implements Message {
    }

    /** A replica's versions of a key. */
    record ReplicaState(Key key, SiblingSet versions) implements Message {
        public ReplicaState {
            Objects.requireNonNull(key);
            Objects.requireNonNull(versions);
        }
    }

    /**
     * Versions for a replica to merge. {@code hintFor} is empty, or names the node the write was meant for when
     * the receiver stands in for it (sloppy quorum). Reply: {@link Ack}.
     */
    record WriteReplica(Key key, SiblingSet versions, String hintFor) implements Message {
        public WriteReplica {
            Objects.requireNonNull(key);
            Objects.requireNonNull(versions);
            Objects.requireNonNull(hintFor);
        }
    }

    /** Done. */
    record Ack() implements Message {
    }

    /** Liveness probe. Reply: {@link Ack}. */
    record Ping() implements Message {
    }

    /** A client get forwarded to a coordinator; {@code readQuorum} 0 means the cluster's R. Reply: ReplicaState. */
    record CoordinateGet(Key key, int readQuorum) implements Message {
    }

    /**
     * A client put or delete (tombstone value) forwarded to a coordinator; {@code writeQuorum} 0 means the
     * cluster's W. Reply: {@link ReplicaState} with the key's clock after the write and no siblings (the forwarder
     * needs only the context).
     */
    record CoordinatePut(Key key, Context context, Value value, int writeQuorum) implements Message {
    }

    /** A request failed at the receiver; {@code kind} says how, so the sender can raise the same failure. */
    record Failure(Kind kind, String message, int required, int answered) implements Message {
        public enum Kind { INSUFFICIENT_REPLICAS, STORAGE, INVALID_REQUEST, NOT_READY, TOO_MANY_SIBLINGS,
            MALFORMED_CONTEXT }
    }

    /**
     * Anti-entropy: the hashes of some nodes of one level of the sender's peer's Merkle tree for a partition
     * (level 0 is the root). Reply: {@link MerkleHashes}.
     */
    record MerkleQuery(int partition, int level, int[] nodes) implements Message {
    }

    /** Hashes for the nodes asked, in the order asked. */
    record MerkleHashes(int partition, int level, long[] hashes) implements Message {
    }

    /**
     * Anti-entropy: the sender's key hashes in some leaf segments of a partition. Reply: {@link SegmentDiff}
     * with the receiver's versions of every key that differs or that the sender lacks, and the keys the receiver
     * wants the sender's versions of.
     */
    record SegmentQuery(int partition, int[] segments, List<KeyHash> entries) implements Message {
    }

    /** A key and the hash of its sibling set. */
    record KeyHash(Key key, long hash) {
    }

    /** See {@link SegmentQuery}. */
    record SegmentDiff(List<ReplicaState> newer, List<Key> wanted) implements Message {
    }

    /**
     * Garbage collection of deletes: remove the key if its versions are still exactly this tombstone, which every
     * replica was found to hold. Reply: {@link Ack}.
     */
    record RemoveTombstone(Key key, SiblingSet versions) implements Message {
        public RemoveTombstone {
            Objects.requireNonNull(key);
            Objects.requireNonNull(versions);
        }
    }

    /** A batch of versions of one partition streamed to a new replica. Reply: {@link Ack}. */
    record TransferBatch(int partition, List<ReplicaState> states) implements Message {
    }

    /**
     * Membership gossip: the sender's whole membership state and the loads it knows. The receiver merges them and
     * replies with a {@link Gossip} carrying its merged state, which the sender merges in turn.
     */
    record Gossip(MembershipState state, Map<String, NodeLoad> loads) implements Message {
        public Gossip {
            Objects.requireNonNull(state);
            loads = Map.copyOf(loads);
        }
    }
}
