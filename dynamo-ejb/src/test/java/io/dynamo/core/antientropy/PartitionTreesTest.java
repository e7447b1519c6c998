package io.dynamo.core.antientropy;

import static io.dynamo.core.antientropy.MerkleTreeTest.assertSameNodes;
import static io.dynamo.core.antientropy.MerkleTreeTest.keysOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.ring.Partitioner;
import io.dynamo.core.store.DotSource;
import io.dynamo.core.store.InMemoryStorageEngine;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.store.SiblingLimits;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartitionTreesTest {

    @Test
    void treesFollowEveryKindOfWriteAndMatchARebuild() {
        int q = 8;
        InMemoryStorageEngine storage = new InMemoryStorageEngine();
        ReplicaStore store = new ReplicaStore(storage, new DotSource("a", storage), Clock.systemUTC(), 10,
                SiblingLimits.none("a"));
        PartitionTrees live = new PartitionTrees(storage, q);
        store.listen(live);
        Random random = new Random(1);
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            keys.add(Key.of("key-" + i));
        }
        for (int i = 0; i < 2_000; i++) {
            Key k = keys.get(random.nextInt(keys.size()));
            SiblingSet current = store.read(k);
            switch (random.nextInt(4)) {
                case 0 -> store.coordinate(k, current.context(), value("v" + i));
                case 1 -> store.coordinate(k, Context.EMPTY, value("blind" + i)); // a sibling
                case 2 -> store.coordinate(k, current.context(), Value.tombstone());
                default -> {
                    if (!current.isEmpty()) {
                        store.remove(k, current);
                    }
                }
            }
        }
        PartitionTrees rebuilt = new PartitionTrees(storage, q);
        rebuilt.rebuildAll();
        for (int p = 0; p < q; p++) {
            assertSameNodes(live.tree(p), rebuilt.tree(p));
        }
        assertThat(live.tree(0).root()).isNotZero();
    }

    @Test
    void readingSegmentsCorrectsAStaleLeaf() {
        int q = 8;
        InMemoryStorageEngine storage = new InMemoryStorageEngine();
        ReplicaStore store = new ReplicaStore(storage, new DotSource("a", storage), Clock.systemUTC(), 10,
                SiblingLimits.none("a"));
        PartitionTrees trees = new PartitionTrees(storage, q);
        store.listen(trees);
        List<Key> keys = keysOf(2, 50, new Random(2));
        keys.forEach(k -> store.coordinate(k, Context.EMPTY, value("x")));
        MerkleTree tree = trees.tree(2);
        long root = tree.root();
        int segment = tree.segmentOf(Partitioner.md5(keys.get(0).bytes()));
        tree.xorLeaf(segment, 0x1234); // a lost or doubled report
        assertThat(tree.root()).isNotEqualTo(root);

        Map<Integer, Map<Key, SiblingSet>> read = trees.contents(2, new int[] {segment});

        assertThat(read.get(segment)).containsKey(keys.get(0));
        assertThat(tree.root()).isEqualTo(root);
    }

    @Test
    void segmentReadsReturnExactlyTheKeysOfTheSegmentsAsked() {
        // Q=256 with 1024 segments exceeds what a store scan can address: ranges of several segments get filtered.
        for (int[] shape : new int[][] {{8, 4}, {8, 10}, {256, 10}, {1, 0}}) {
            int q = shape[0];
            int depth = shape[1];
            InMemoryStorageEngine storage = new InMemoryStorageEngine();
            ReplicaStore store = new ReplicaStore(storage, new DotSource("a", storage), Clock.systemUTC(), 10,
                SiblingLimits.none("a"));
            PartitionTrees trees = new PartitionTrees(storage, q, depth);
            store.listen(trees);
            Partitioner partitioner = new Partitioner(q);
            int partition = q / 2;
            for (int i = 0; i < 20_000; i++) {
                byte[] bytes = ("k" + i).getBytes(StandardCharsets.UTF_8);
                if (partitioner.partitionOfKey(bytes) == partition) {
                    store.coordinate(Key.of(bytes), Context.EMPTY, value("v"));
                }
            }
            MerkleTree tree = trees.tree(partition);
            Random random = new Random(q + depth);
            for (int few : new int[] {1, 3, tree.segmentCount()}) {
                Set<Integer> asked = new HashSet<>();
                while (asked.size() < Math.min(few, tree.segmentCount())) {
                    asked.add(random.nextInt(tree.segmentCount()));
                }
                Set<Key> expected = new HashSet<>();
                storage.scan(partition, q, (k, s) -> {
                    if (asked.contains(tree.segmentOf(Partitioner.md5(k.bytes())))) {
                        expected.add(k);
                    }
                });
                Set<Key> got = new HashSet<>();
                trees.contents(partition, asked.stream().mapToInt(Integer::intValue).toArray())
                        .forEach((segment, keys) -> {
                            assertThat(asked).contains(segment);
                            keys.keySet().forEach(k -> {
                                assertThat(tree.segmentOf(Partitioner.md5(k.bytes()))).isEqualTo(segment);
                                got.add(k);
                            });
                        });
                assertThat(got).as("Q=%d depth=%d segments=%s", q, depth, asked.size()).isEqualTo(expected);
            }
        }
    }

    private static Value value(String s) {
        return Value.of(s.getBytes(StandardCharsets.UTF_8), null);
    }
}
