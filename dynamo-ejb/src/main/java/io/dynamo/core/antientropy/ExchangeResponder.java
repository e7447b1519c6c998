package io.dynamo.core.antientropy;

import io.dynamo.core.base.Key;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.store.StorageException;
import io.dynamo.core.transport.Failure;
import io.dynamo.core.transport.Message;
import io.dynamo.core.version.SiblingSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The side of an exchange that answers: hashes of tree nodes, and the per-key comparison of some segments. It
 * answers only for partitions it replicates under its own ring, so a peer with another view of the ring does not
 * pull keys onto the wrong node.
 */
final class ExchangeResponder {
    private final String localNode;
    private final Supplier<Ring> ring;
    private final int replicas;
    private final PartitionTrees trees;

    ExchangeResponder(String localNode, Supplier<Ring> ring, int replicas, PartitionTrees trees) {
        this.localNode = localNode;
        this.ring = ring;
        this.replicas = replicas;
        this.trees = trees;
    }

    /** The reply to an anti-entropy request about a partition: the answer, or why it cannot be given. */
    Message answer(int partition, Supplier<Message> answer) {
        try {
            Failure refused = refuse(partition);
            return refused != null ? refused : answer.get();
        } catch (StorageException e) {
            return new Failure(Failure.Kind.STORAGE, e.getMessage(), 0, 0);
        } catch (IllegalArgumentException e) {
            return new Failure(Failure.Kind.INVALID_REQUEST, e.getMessage(), 0, 0);
        }
    }

    private Failure refuse(int partition) {
        Ring current = ring.get();
        if (partition < 0 || partition >= current.partitionCount() || current.partitionCount() != trees.partitionCount()) {
            return new Failure(Failure.Kind.INVALID_REQUEST, "partition " + partition + " does not exist on node "
                    + localNode + " (Q=" + trees.partitionCount() + ")", 0, 0);
        }
        if (!current.preferenceList(partition, replicas).isReplica(localNode)) {
            return new Failure(Failure.Kind.NOT_READY, "node " + localNode + " does not replicate partition "
                    + partition + " in ring version " + current.version(), 0, 0);
        }
        return null;
    }

    MerkleHashes hashes(MerkleQuery q) {
        MerkleTree tree = trees.tree(q.partition());
        long[] hashes = new long[q.nodes().length];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = tree.hash(q.level(), q.nodes()[i]);
        }
        return new MerkleHashes(q.partition(), q.level(), hashes);
    }

    /** Versions of keys that differ or that the asker lacks; keys wanted where this side differs or lacks them. */
    SegmentDiff diff(SegmentQuery q) {
        Map<Key, SiblingSet> mine = new LinkedHashMap<>();
        trees.contents(q.partition(), q.segments()).values().forEach(mine::putAll);
        List<ReplicaState> newer = new ArrayList<>();
        List<Key> wanted = new ArrayList<>();
        for (KeyHash entry : q.entries()) {
            SiblingSet set = mine.remove(entry.key());
            if (set == null) {
                wanted.add(entry.key());
            } else if (MerkleTree.entryHash(entry.key(), set) != entry.hash()) {
                newer.add(new ReplicaState(entry.key(), set));
                wanted.add(entry.key());
            }
        }
        mine.forEach((key, set) -> newer.add(new ReplicaState(key, set)));
        return new SegmentDiff(newer, wanted);
    }
}
