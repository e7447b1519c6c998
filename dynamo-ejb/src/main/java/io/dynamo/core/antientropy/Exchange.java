package io.dynamo.core.antientropy;

import io.dynamo.core.base.Key;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.ring.Partitioner;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.Failure;
import io.dynamo.core.transport.Message;
import io.dynamo.core.version.SiblingSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One exchange of a partition with one peer, from the side that starts it: compare roots, descend one level per
 * round trip asking only for the children of differing nodes, then send this side's key hashes of the differing
 * leaf segments. The peer answers with its versions of the keys that differ or that this side lacks, and names
 * the keys it wants; this side merges what it got and sends back its merged set of each wanted key, unless the
 * peer's set already equals it. Merging a join never loses a version, so sending both ways is always safe.
 */
final class Exchange {
    private final int partition;
    private final String peer;
    private final PartitionTrees trees;
    private final MerkleTree tree;
    private final ReplicaStore store;
    private final PeerCaller caller;
    private final AntiEntropySettings settings;
    private final Partitioner partitioner;

    private int segmentsDiffering;
    private final AtomicInteger keysCompared = new AtomicInteger();
    private final AtomicInteger keysReceived = new AtomicInteger();
    private final AtomicInteger keysRepaired = new AtomicInteger();
    private final AtomicInteger keysSent = new AtomicInteger();
    private final AtomicInteger roundTrips = new AtomicInteger();

    Exchange(int partition, String peer, PartitionTrees trees, ReplicaStore store, PeerCaller caller,
            AntiEntropySettings settings) {
        this.partition = partition;
        this.peer = peer;
        this.trees = trees;
        this.tree = trees.tree(partition);
        this.store = store;
        this.caller = caller;
        this.settings = settings;
        this.partitioner = new Partitioner(trees.partitionCount());
    }

    CompletableFuture<ExchangeResult> run() {
        return descend(0, new int[] {0}).thenCompose(this::repair).thenApply(done -> new ExchangeResult(partition,
                peer, segmentsDiffering, keysCompared.get(), keysReceived.get(), keysRepaired.get(), keysSent.get(),
                roundTrips.get()));
    }

    /** The differing leaf segments under the given differing nodes of a level. */
    private CompletableFuture<int[]> descend(int level, int[] nodes) {
        return call(new MerkleQuery(partition, level, nodes)).thenCompose(reply -> {
            MerkleHashes hashes = expect(reply, MerkleHashes.class);
            if (hashes.partition() != partition || hashes.level() != level
                    || hashes.hashes().length != nodes.length) {
                throw new AntiEntropyException("node " + peer + " answered a query for " + nodes.length
                        + " nodes of level " + level + " of partition " + partition + " with "
                        + hashes.hashes().length + " hashes of level " + hashes.level() + " of partition "
                        + hashes.partition());
            }
            int[] differing = new int[nodes.length];
            int count = 0;
            for (int i = 0; i < nodes.length; i++) {
                if (hashes.hashes()[i] != tree.hash(level, nodes[i])) {
                    differing[count++] = nodes[i];
                }
            }
            if (count == 0 || level == tree.depth()) {
                return CompletableFuture.completedFuture(Arrays.copyOf(differing, count));
            }
            int[] children = new int[2 * count];
            for (int i = 0; i < count; i++) {
                children[2 * i] = 2 * differing[i];
                children[2 * i + 1] = 2 * differing[i] + 1;
            }
            return descend(level + 1, children);
        });
    }

    private CompletableFuture<Void> repair(int[] leaves) {
        segmentsDiffering = leaves.length;
        if (leaves.length == 0) {
            return CompletableFuture.completedFuture(null);
        }
        // Grouped so that one query carries about maxKeysPerQuery hashes; a segment is never split.
        List<Map<Integer, Map<Key, SiblingSet>>> batches = new ArrayList<>();
        Map<Integer, Map<Key, SiblingSet>> batch = new HashMap<>();
        int keys = 0;
        for (Map.Entry<Integer, Map<Key, SiblingSet>> e : trees.contents(partition, leaves).entrySet()) {
            if (!batch.isEmpty() && keys + e.getValue().size() > settings.maxKeysPerQuery()) {
                batches.add(batch);
                batch = new HashMap<>();
                keys = 0;
            }
            batch.put(e.getKey(), e.getValue());
            keys += e.getValue().size();
        }
        batches.add(batch);
        return BoundedLoop.run(batches, 1, this::reconcile);
    }

    private CompletableFuture<Void> reconcile(Map<Integer, Map<Key, SiblingSet>> segments) {
        Map<Key, SiblingSet> mine = new HashMap<>();
        List<KeyHash> entries = new ArrayList<>();
        for (Map<Key, SiblingSet> keys : segments.values()) {
            keys.forEach((key, set) -> {
                mine.put(key, set);
                entries.add(new KeyHash(key, MerkleTree.entryHash(key, set)));
            });
        }
        int[] segmentIds = segments.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        return call(new SegmentQuery(partition, segmentIds, entries)).thenCompose(reply -> {
            SegmentDiff diff = expect(reply, SegmentDiff.class);
            Set<Key> compared = new HashSet<>(mine.keySet());
            Map<Key, SiblingSet> theirs = new HashMap<>();
            for (ReplicaState state : diff.newer()) {
                requireAsked(state.key(), segments);
                compared.add(state.key());
                theirs.put(state.key(), state.versions());
                keysReceived.incrementAndGet();
                SiblingSet merged = store.merge(state.key(), state.versions());
                if (!merged.equals(mine.getOrDefault(state.key(), SiblingSet.EMPTY))) {
                    keysRepaired.incrementAndGet();
                }
            }
            keysCompared.addAndGet(compared.size());
            List<WriteReplica> writes = new ArrayList<>();
            for (Key key : new HashSet<>(diff.wanted())) {
                if (!mine.containsKey(key)) {
                    continue; // the peer can only want keys this side offered
                }
                SiblingSet current = store.read(key);
                boolean nothingToGive = current.isEmpty() && current.clock().isEmpty();
                if (!nothingToGive && !current.equals(theirs.get(key))) {
                    writes.add(new WriteReplica(key, current, ""));
                }
            }
            return BoundedLoop.run(writes, settings.maxWritesInFlight(), this::send);
        });
    }

    private CompletableFuture<Void> send(WriteReplica write) {
        return call(write).thenAccept(reply -> {
            expect(reply, Ack.class);
            keysSent.incrementAndGet();
        });
    }

    // A peer must only hand over keys of the segments asked about; anything else would land outside the tree.
    private void requireAsked(Key key, Map<Integer, ?> segments) {
        byte[] md5 = key.md5();
        if (partitioner.partitionOf(md5) != partition || !segments.containsKey(tree.segmentOf(md5))) {
            throw new AntiEntropyException("node " + peer + " sent key '" + key + "', which is not in the asked "
                    + "segments of partition " + partition);
        }
    }

    private CompletableFuture<Message> call(Message request) {
        roundTrips.incrementAndGet();
        return caller.call(peer, request);
    }

    private <T extends Message> T expect(Message reply, Class<T> type) {
        if (type.isInstance(reply)) {
            return type.cast(reply);
        }
        if (reply instanceof Failure f) {
            throw new AntiEntropyException("node " + peer + " refused anti-entropy of partition " + partition + " ("
                    + f.kind() + "): " + f.message());
        }
        throw new AntiEntropyException("node " + peer + " answered " + (reply == null ? "nothing"
                : reply.getClass().getSimpleName()) + " where " + type.getSimpleName() + " was expected");
    }
}
