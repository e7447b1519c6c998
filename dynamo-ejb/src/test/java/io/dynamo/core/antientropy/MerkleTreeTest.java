package io.dynamo.core.antientropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.Key;
import io.dynamo.core.ring.Partitioner;
import io.dynamo.core.store.RingOrder;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.Sibling;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import io.dynamo.core.version.VectorClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
    private static final int Q = 8;
    private static final int PARTITION = 3;
    private static final Partitioner PARTITIONER = new Partitioner(Q);

    /** One change of a key, as a store reports it. */
    private record Change(Key key, SiblingSet before, SiblingSet after) {
    }

    @Property(tries = 60)
    void incrementalUpdatesInAnyOrderEqualARebuild(@ForAll long seed, @ForAll @IntRange(min = 0, max = 8) int depth) {
        Random random = new Random(seed);
        List<Key> keys = keysOf(PARTITION, 1 + random.nextInt(200), random);
        List<Change> changes = new ArrayList<>();
        Map<Key, SiblingSet> last = new HashMap<>();
        for (Key key : keys) {
            SiblingSet set = SiblingSet.EMPTY;
            int writes = random.nextInt(5);
            for (int w = 0; w < writes; w++) {
                SiblingSet next = random.nextInt(4) == 0 && w > 0 ? SiblingSet.EMPTY : write(set, random, w);
                changes.add(new Change(key, set, next));
                set = next;
            }
            last.put(key, set);
        }
        Collections.shuffle(changes, random);
        MerkleTree incremental = new MerkleTree(PARTITION, Q, depth);
        for (Change c : changes) {
            incremental.update(c.key(), c.before(), c.after());
            if (random.nextInt(10) == 0) {
                incremental.root(); // caching midway must not go stale
            }
        }
        MerkleTree rebuilt = new MerkleTree(PARTITION, Q, depth);
        last.forEach((key, set) -> rebuilt.update(key, SiblingSet.EMPTY, set));
        assertSameNodes(incremental, rebuilt);
    }

    @Test
    void concurrentUpdatersEndAtTheSameTree() throws Exception {
        Random random = new Random(7);
        List<Key> keys = keysOf(PARTITION, 2_000, random);
        Map<Key, SiblingSet> sets = new HashMap<>();
        keys.forEach(k -> sets.put(k, write(SiblingSet.EMPTY, random, 0)));
        MerkleTree concurrent = new MerkleTree(PARTITION, Q, MerkleTree.DEFAULT_DEPTH);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int offset = t;
            pool.execute(() -> {
                for (int i = offset; i < keys.size(); i += 4) {
                    concurrent.update(keys.get(i), SiblingSet.EMPTY, sets.get(keys.get(i)));
                    concurrent.hash(2, i % 4);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        MerkleTree sequential = new MerkleTree(PARTITION, Q, MerkleTree.DEFAULT_DEPTH);
        sets.forEach((k, s) -> sequential.update(k, SiblingSet.EMPTY, s));
        assertSameNodes(concurrent, sequential);
    }

    @Test
    void equalContentGivesEqualRootsWhateverTheTimestampsOrOrder() {
        Random random = new Random(11);
        List<Key> keys = keysOf(PARTITION, 300, random);
        MerkleTree a = new MerkleTree(PARTITION, Q, MerkleTree.DEFAULT_DEPTH);
        MerkleTree b = new MerkleTree(PARTITION, Q, MerkleTree.DEFAULT_DEPTH);
        for (Key k : keys) {
            Value v = Value.of(k.bytes(), null);
            SiblingSet early = SiblingSet.EMPTY.put(Context.EMPTY, new Dot("n1", 1), v, 100, 10);
            SiblingSet late = SiblingSet.EMPTY.put(Context.EMPTY, new Dot("n1", 1), v, 999_999, 10);
            assertThat(early).isEqualTo(late);
            a.update(k, SiblingSet.EMPTY, early);
        }
        List<Key> reversed = new ArrayList<>(keys);
        Collections.reverse(reversed);
        for (Key k : reversed) {
            b.update(k, SiblingSet.EMPTY, SiblingSet.EMPTY.put(Context.EMPTY, new Dot("n1", 1),
                    Value.of(k.bytes(), null), 5, 10));
        }
        assertThat(a.root()).isNotZero().isEqualTo(b.root());
        assertSameNodes(a, b);
    }

    @Test
    void oneDifferingKeyChangesExactlyThePathToItsSegment() {
        Random random = new Random(3);
        List<Key> keys = keysOf(PARTITION, 500, random);
        int depth = MerkleTree.DEFAULT_DEPTH;
        MerkleTree a = new MerkleTree(PARTITION, Q, depth);
        MerkleTree b = new MerkleTree(PARTITION, Q, depth);
        Map<Key, SiblingSet> sets = new HashMap<>();
        for (Key k : keys) {
            SiblingSet s = write(SiblingSet.EMPTY, random, 0);
            sets.put(k, s);
            a.update(k, SiblingSet.EMPTY, s);
            b.update(k, SiblingSet.EMPTY, s);
        }
        Key changed = keys.get(123);
        SiblingSet newer = write(sets.get(changed), random, 1);
        b.update(changed, sets.get(changed), newer);
        int segment = a.segmentOf(Partitioner.md5(changed.bytes()));
        for (int level = 0; level <= depth; level++) {
            List<Integer> differing = new ArrayList<>();
            for (int i = 0; i < 1 << level; i++) {
                if (a.hash(level, i) != b.hash(level, i)) {
                    differing.add(i);
                }
            }
            assertThat(differing).as("level %d", level).containsExactly(segment >>> (depth - level));
        }
        b.update(changed, newer, sets.get(changed));
        assertSameNodes(a, b);
    }

    @Test
    void segmentsAreContiguousRangesOfThePartitionInRingOrder() {
        Random random = new Random(5);
        List<Key> keys = new ArrayList<>(keysOf(PARTITION, 2_000, random));
        keys.sort((x, y) -> Arrays.compareUnsigned(RingOrder.storageKey(x), RingOrder.storageKey(y)));
        MerkleTree tree = new MerkleTree(PARTITION, Q, MerkleTree.DEFAULT_DEPTH);
        int previous = -1;
        for (Key k : keys) {
            int segment = tree.segmentOf(Partitioner.md5(k.bytes()));
            assertThat(segment).isGreaterThanOrEqualTo(previous).isLessThan(tree.segmentCount());
            previous = segment;
        }
        assertThat(previous).isGreaterThan(tree.segmentCount() * 9 / 10); // the keys span the whole partition
    }

    @Test
    void entryHashIsZeroOnlyForAnAbsentKeyAndIgnoresSiblingOrderAndValueBytes() {
        Key key = Key.of("k");
        assertThat(MerkleTree.entryHash(key, SiblingSet.EMPTY)).isZero();
        VectorClock clock = VectorClock.EMPTY.with(new Dot("a", 1), 1).with(new Dot("b", 2), 1);
        Sibling a = new Sibling(new Dot("a", 1), Value.of(new byte[] {1}, null));
        Sibling b = new Sibling(new Dot("b", 2), Value.tombstone());
        SiblingSet ab = new SiblingSet(clock, List.of(a, b));
        SiblingSet ba = new SiblingSet(clock, List.of(b, a));
        assertThat(MerkleTree.entryHash(key, ab)).isNotZero().isEqualTo(MerkleTree.entryHash(key, ba));
        assertThat(MerkleTree.entryHash(Key.of("other"), ab)).isNotEqualTo(MerkleTree.entryHash(key, ab));
        SiblingSet onlyA = new SiblingSet(clock, List.of(a));
        assertThat(MerkleTree.entryHash(key, onlyA)).isNotEqualTo(MerkleTree.entryHash(key, ab));
        SiblingSet moreSeen = new SiblingSet(clock.with(new Dot("c", 1), 1), List.of(a, b));
        assertThat(MerkleTree.entryHash(key, moreSeen)).isNotEqualTo(MerkleTree.entryHash(key, ab));
    }

    @Test
    void rejectsNodesOutsideTheTree() {
        MerkleTree tree = new MerkleTree(0, Q, 4);
        assertThat(tree.root()).isZero();
        assertThatThrownBy(() -> tree.hash(5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.hash(2, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MerkleTree(Q, Q, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MerkleTree(0, Q, MerkleTree.MAX_DEPTH + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static void assertSameNodes(MerkleTree a, MerkleTree b) {
        for (int level = 0; level <= a.depth(); level++) {
            for (int i = 0; i < 1 << level; i++) {
                assertThat(a.hash(level, i)).as("node %d of level %d", i, level).isEqualTo(b.hash(level, i));
            }
        }
    }

    /** Distinct random keys that fall into the partition. */
    static List<Key> keysOf(int partition, int count, Random random) {
        List<Key> keys = new ArrayList<>();
        while (keys.size() < count) {
            byte[] bytes = ("key-" + Long.toHexString(random.nextLong())).getBytes(StandardCharsets.UTF_8);
            if (PARTITIONER.partitionOfKey(bytes) == partition) {
                keys.add(Key.of(bytes));
            }
        }
        return keys;
    }

    /** A new write over the set by one of three actors, sometimes concurrent with what it holds. */
    private static SiblingSet write(SiblingSet set, Random random, int round) {
        String actor = "n" + random.nextInt(3);
        Context context = random.nextBoolean() ? set.context() : Context.EMPTY;
        long counter = set.clock().merge(context.clock()).counter(actor) + 1 + random.nextInt(3);
        return set.put(context, new Dot(actor, counter), Value.of(new byte[] {(byte) round}, null),
                random.nextInt(1000), 10);
    }
}
