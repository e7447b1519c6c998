package io.dynamo.core.antientropy;

import io.dynamo.core.base.Key;
import io.dynamo.core.ring.Partitioner;
import io.dynamo.core.store.StorageEngine;
import io.dynamo.core.store.WriteListener;
import io.dynamo.core.version.SiblingSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The Merkle trees of every partition on one node, kept current by listening to the node's store
 * ({@code replicaStore.listen(trees)}). Trees exist for every partition that ever saw a write, not only those the
 * node replicates now, so a partition the node takes over already has a current tree.
 *
 * <p>{@link #rebuild} recomputes a tree from the store: at start (before listening, for data kept across a
 * restart) or whenever a tree is suspected stale. Writes reported while it scans mark their segments, which are
 * re-read after the new tree is installed. A store reports a write just after making it, so a tree can still go
 * stale in that tiny window; every exchange re-reads the segments it compares and corrects their leaves, so such
 * a leaf heals at the next exchange instead of hiding a difference.
 */
public final class PartitionTrees implements WriteListener {
    private static final int VERIFY_PASSES = 3;

    private final StorageEngine storage;
    private final Partitioner partitioner;
    private final int depth;
    private final AtomicReferenceArray<MerkleTree> trees;
    private final Object[] locks;
    private final Map<Integer, Set<Integer>> rebuilding = new ConcurrentHashMap<>();
    private final SegmentScanner scanner;

    public PartitionTrees(StorageEngine storage, int partitionCount, int depth) {
        this.storage = storage;
        this.partitioner = new Partitioner(partitionCount);
        this.depth = depth;
        this.trees = new AtomicReferenceArray<>(partitionCount);
        this.locks = new Object[partitionCount];
        for (int p = 0; p < partitionCount; p++) {
            locks[p] = new Object();
        }
        this.scanner = new SegmentScanner(storage, partitionCount, depth);
        new MerkleTree(0, partitionCount, depth); // validates the depth up front
    }

    public PartitionTrees(StorageEngine storage, int partitionCount) {
        this(storage, partitionCount, MerkleTree.DEFAULT_DEPTH);
    }

    public int partitionCount() {
        return partitioner.partitionCount();
    }

    public int depth() {
        return depth;
    }

    /** The partition's tree; an empty one if nothing was ever written to it. */
    public MerkleTree tree(int partition) {
        MerkleTree tree = trees.get(partition);
        if (tree == null) {
            trees.compareAndSet(partition, null, new MerkleTree(partition, partitionCount(), depth));
            tree = trees.get(partition);
        }
        return tree;
    }

    @Override
    public void written(Key key, SiblingSet before, SiblingSet after) {
        long delta = MerkleTree.entryHash(key, before) ^ MerkleTree.entryHash(key, after);
        if (delta == 0) {
            return;
        }
        byte[] md5 = key.md5();
        int partition = partitioner.partitionOf(md5);
        int segment = MerkleTree.segmentOf(md5, Integer.numberOfTrailingZeros(partitionCount()), depth);
        // Under the partition's lock so that a rebuild's swap never loses a delta between trees.
        synchronized (locks[partition]) {
            tree(partition).xorLeaf(segment, delta);
            Set<Integer> touched = rebuilding.get(partition);
            if (touched != null) {
                touched.add(segment);
            }
        }
    }

    /** Recomputes the partition's tree from the store and installs it. */
    public void rebuild(int partition) {
        Set<Integer> touched = ConcurrentHashMap.newKeySet();
        rebuilding.put(partition, touched);
        try {
            MerkleTree fresh = new MerkleTree(partition, partitionCount(), depth);
            storage.scan(partition, partitionCount(), (key, set) -> fresh.update(key, SiblingSet.EMPTY, set));
            synchronized (locks[partition]) {
                trees.set(partition, fresh);
            }
            // Segments written during the scan may have been counted twice or not at all: read them again.
            for (int pass = 0; pass < VERIFY_PASSES && !touched.isEmpty(); pass++) {
                int[] segments = touched.stream().mapToInt(Integer::intValue).sorted().toArray();
                touched.clear();
                contents(partition, segments);
            }
        } finally {
            rebuilding.remove(partition);
        }
    }

    /** Rebuilds every partition; call at start, before the store reports writes to this listener. */
    public void rebuildAll() {
        for (int p = 0; p < partitionCount(); p++) {
            rebuild(p);
        }
    }

    /**
     * The keys and sets the store holds in some segments of a partition, per segment in ring order. As it has
     * just read them, it also corrects each of those leaves that disagrees with what was read (unless a write
     * changed the leaf meanwhile).
     */
    public Map<Integer, Map<Key, SiblingSet>> contents(int partition, int[] segments) {
        MerkleTree tree = tree(partition);
        Map<Integer, Long> leavesBefore = new LinkedHashMap<>();
        for (int s : segments) {
            leavesBefore.put(s, tree.leaf(s));
        }
        Map<Integer, Map<Key, SiblingSet>> bySegment = new TreeMap<>();
        for (int s : segments) {
            bySegment.put(s, new LinkedHashMap<>());
        }
        scanner.scan(partition, segments, (segment, key, set) -> bySegment.get(segment).put(key, set));
        for (Map.Entry<Integer, Map<Key, SiblingSet>> e : bySegment.entrySet()) {
            long actual = 0;
            for (Map.Entry<Key, SiblingSet> kv : e.getValue().entrySet()) {
                actual ^= MerkleTree.entryHash(kv.getKey(), kv.getValue());
            }
            synchronized (locks[partition]) {
                tree(partition).replaceLeaf(e.getKey(), leavesBefore.get(e.getKey()), actual);
            }
        }
        return bySegment;
    }
}
