package io.dynamo.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.ring.Partitioner;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every storage engine must show; each engine's test extends this. */
public abstract class StorageEngineContract {
    protected StorageEngine engine;

    /** A fresh, empty engine. */
    protected abstract StorageEngine create() throws Exception;

    /** Closes the engine (as a clean shutdown, or as a crash where the engine can) and opens its data again. */
    protected abstract StorageEngine reopen(StorageEngine closed) throws Exception;

    @BeforeEach
    void open() throws Exception {
        engine = create();
    }

    @AfterEach
    void close() {
        try {
            engine.close();
        } catch (RuntimeException alreadyClosed) {
            // some tests close it themselves
        }
    }

    static Key key(String k) {
        return Key.of(k);
    }

    static Value value(String v) {
        return Value.of(v.getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    private static SiblingSet written(SiblingSet current, String actor, long counter, Context context, Value v) {
        return current.put(context, new Dot(actor, counter), v, counter, 10);
    }

    @Test
    void aMissingKeyReadsAsEmpty() {
        assertThat(engine.read(key("nothing"))).isEqualTo(SiblingSet.EMPTY);
        assertThat(engine.keyCount()).isZero();
    }

    @Test
    void updateStoresAndReturnsTheNewSet() {
        SiblingSet stored = engine.update(key("k"), s -> written(s, "a", 1, Context.EMPTY, value("v")));
        assertThat(stored.liveValues()).containsExactly(value("v"));
        assertThat(engine.read(key("k"))).isEqualTo(stored);
        assertThat(engine.read(key("k")).liveValues()).containsExactly(value("v"));
        assertThat(engine.keyCount()).isEqualTo(1);
    }

    @Test
    void siblingsAndTombstonesAreKept() {
        engine.update(key("k"), s -> written(s, "a", 1, Context.EMPTY, value("one")));
        engine.update(key("k"), s -> written(s, "a", 2, Context.EMPTY, value("two")));
        assertThat(engine.read(key("k")).liveValues()).containsExactlyInAnyOrder(value("one"), value("two"));
        Context seen = engine.read(key("k")).context();
        engine.update(key("k"), s -> written(s, "b", 1, seen, Value.tombstone()));
        SiblingSet deleted = engine.read(key("k"));
        assertThat(deleted.isDeleted()).isTrue();
        assertThat(deleted.siblings()).hasSize(1);
    }

    @Test
    void removeOnlyWhenUnchanged() {
        SiblingSet first = engine.update(key("k"), s -> written(s, "a", 1, Context.EMPTY, value("v")));
        engine.update(key("k"), s -> written(s, "a", 2, Context.EMPTY, value("w")));
        assertThat(engine.remove(key("k"), first)).isFalse();
        assertThat(engine.remove(key("k"), engine.read(key("k")))).isTrue();
        assertThat(engine.read(key("k"))).isEqualTo(SiblingSet.EMPTY);
    }

    @Test
    void scanVisitsExactlyTheKeysOfOnePartition() {
        int q = 8;
        Set<Key> all = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Key k = key("key-" + i);
            all.add(k);
            engine.update(k, s -> written(s, "a", 1, Context.EMPTY, value("v")));
        }
        Set<Key> seen = new HashSet<>();
        for (int p = 0; p < q; p++) {
            int partition = p;
            List<Key> inPartition = new ArrayList<>();
            engine.scan(p, q, (k, s) -> {
                assertThat(new Partitioner(q).partitionOfKey(k.bytes())).isEqualTo(partition);
                assertThat(s.liveValues()).containsExactly(value("v"));
                inPartition.add(k);
            });
            seen.addAll(inPartition);
        }
        assertThat(seen).isEqualTo(all);
    }

    /** A scan from a position visits the partition's keys at or after it, in ring order, until the visitor stops. */
    @Test
    void scanFromResumesAtAPositionAndStopsWhenAsked() {
        int q = 4;
        for (int i = 0; i < 200; i++) {
            Key k = key("key-" + i);
            engine.update(k, s -> written(s, "a", 1, Context.EMPTY, value("v")));
        }
        for (int p = 0; p < q; p++) {
            List<byte[]> whole = new ArrayList<>();
            engine.scan(p, q, (k, s) -> whole.add(RingOrder.storageKey(k)));
            assertThat(whole).isSortedAccordingTo(java.util.Arrays::compareUnsigned);
            byte[] middle = whole.get(whole.size() / 2);
            List<byte[]> fromMiddle = new ArrayList<>();
            engine.scanFrom(p, q, middle, (k, s) -> fromMiddle.add(RingOrder.storageKey(k)));
            assertThat(fromMiddle).containsExactlyElementsOf(whole.subList(whole.size() / 2, whole.size()));
            // Just after a key: the next one on; before the partition: all of it; three visits when told to stop.
            List<byte[]> after = new ArrayList<>();
            engine.scanFrom(p, q, java.util.Arrays.copyOf(middle, middle.length + 1), (k, s) ->
                    after.add(RingOrder.storageKey(k)));
            assertThat(after).containsExactlyElementsOf(whole.subList(whole.size() / 2 + 1, whole.size()));
            List<byte[]> all = new ArrayList<>();
            engine.scanFrom(p, q, new byte[0], (k, s) -> all.add(RingOrder.storageKey(k)));
            assertThat(all).containsExactlyElementsOf(whole);
            int[] visits = {0};
            engine.scanFrom(p, q, new byte[0], (k, s) -> ++visits[0] < 3);
            assertThat(visits[0]).isEqualTo(3);
        }
        // A position past the partition's end visits nothing of it.
        List<Key> none = new ArrayList<>();
        engine.scanFrom(0, q, RingOrder.partitionStart(2, q), (k, s) -> none.add(k));
        assertThat(none).isEmpty();
    }

    @Test
    void dataSurvivesReopen() throws Exception {
        engine.update(key("k"), s -> written(s, "a", 1, Context.EMPTY, value("kept")));
        engine.update(key("binary\u0000key"), s -> written(s, "a", 2, Context.EMPTY, Value.of(new byte[] {0, -1, 7}, null)));
        String incarnation = engine.incarnation();
        long reserved = engine.reserveCounters(0, 100);
        engine = reopen(engine);
        assertThat(engine.read(key("k")).liveValues()).containsExactly(value("kept"));
        assertThat(engine.read(key("binary\u0000key")).liveValues())
                .containsExactly(Value.of(new byte[] {0, -1, 7}, "application/octet-stream"));
        assertThat(engine.incarnation()).isEqualTo(incarnation);
        assertThat(engine.reserveCounters(0, 10)).as("never reissues a reserved counter").isGreaterThanOrEqualTo(reserved + 100);
    }

    /** A burial keeps every dot (the set stays equal), yet the store must keep the tombstone, not the value. */
    @Test
    void anExpiringValueAndItsBurialAreStoredAndSurviveReopen() throws Exception {
        SiblingSet expiring = engine.update(key("k"), s -> written(s, "a", 1, Context.EMPTY,
                value("short").expiringAt(5_000)));
        engine = reopen(engine);
        assertThat(engine.read(key("k")).siblings().get(0).value().expiresAt()).isEqualTo(5_000);
        engine.update(key("k"), s -> s.expired(5_000));
        engine = reopen(engine);
        assertThat(engine.read(key("k")).isDeleted()).isTrue();
        assertThat(engine.read(key("k"))).isEqualTo(expiring);
    }

    @Test
    void reservedCountersAreAboveTheFloorAndNeverOverlap() {
        long a = engine.reserveCounters(0, 10);
        long b = engine.reserveCounters(0, 10);
        assertThat(b).isGreaterThanOrEqualTo(a + 10);
        assertThat(engine.reserveCounters(1_000, 5)).isGreaterThan(1_000);
    }

    @Test
    void concurrentWritersToOneKeyNeverLoseAVersion() throws Exception {
        int threads = 4;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String actor = "w" + t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 1; i <= perThread; i++) {
                    long counter = i;
                    // Every writer uses an empty context, so every version must survive as a sibling.
                    engine.update(key("hot"), s -> written(s, actor, counter, Context.EMPTY, value(actor + counter)));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(engine.read(key("hot")).siblings()).hasSize(threads * perThread);
    }
}
