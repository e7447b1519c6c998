package io.dynamo.infra.xodus;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.store.DotSource;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.store.SiblingLimits;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.Sibling;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A power loss, as {@link PowerCut} makes it: the store's log files are cut back to what was fsynced, then opened
 * again. What a store promised to keep must be there, and no dot may be issued twice.
 */
class XodusPowerLossTest {
    @TempDir
    Path temp;

    @Test
    void aCounterReservationIsSyncedBeforeItsFirstDotIsUsed() {
        Path live = temp.resolve("live");
        try (XodusStorageEngine engine = XodusStorageEngine.open(live, Duration.ZERO, SyncRecordingProvider.NAME)) {
            Dot issued = new DotSource("n1", engine).next(0);

            try (XodusStorageEngine after = XodusStorageEngine.open(PowerCut.of(live).cutTo(temp.resolve("cut")),
                    Duration.ZERO)) {
                Dot next = new DotSource("n1", after).next(0);
                assertThat(next.actor()).as("the same store, so the same actor").isEqualTo(issued.actor());
                assertThat(next.counter()).as("a counter past the block reserved before the cut")
                        .isGreaterThan(issued.counter());
            }
        }
    }

    @Test
    void everySyncedWriteSurvivesACutInTheMiddleOfWritesAndNoDotIsIssuedTwice() throws Exception {
        Path live = temp.resolve("live");
        Map<String, Value> syncedAcks = new ConcurrentHashMap<>();
        Map<Dot, Boolean> issued = new ConcurrentHashMap<>();
        Path cutDir;
        Map<String, Value> ackedBeforeCut;
        try (XodusStorageEngine engine = XodusStorageEngine.open(live, Duration.ZERO, SyncRecordingProvider.NAME)) {
            ReplicaStore replica = replica(engine);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            try {
                List<CompletableFuture<Void>> done = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    int writer = w;
                    done.add(CompletableFuture.runAsync(() -> {
                        for (int i = 0; i < 300; i++) {
                            // Synced and plain writes interleave, as a node's replicas see them.
                            boolean synced = i % 3 == 0;
                            Key key = Key.of("k" + (i % 50) + (synced ? "-synced-" + writer : ""));
                            Value value = text("w" + writer + "-" + i);
                            SiblingSet after = replica.coordinate(key, Context.EMPTY, value, synced);
                            after.siblings().stream().map(Sibling::dot).forEach(d -> issued.put(d, true));
                            if (synced) {
                                syncedAcks.put(key.toString(), value);
                            }
                        }
                    }, writers));
                }
                // The power goes while the writers are still at it.
                CompletableFuture.anyOf(done.toArray(CompletableFuture[]::new)).join();
                ackedBeforeCut = Map.copyOf(syncedAcks);
                cutDir = PowerCut.of(live).cutTo(temp.resolve("cut"));
                CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
            } finally {
                writers.shutdownNow();
            }
        }
        try (XodusStorageEngine after = XodusStorageEngine.open(cutDir, Duration.ZERO)) {
            ReplicaStore replica = replica(after);
            // A synced key has one writer, so the value recorded is its last write before the cut.
            ackedBeforeCut.forEach((key, value) -> assertThat(after.read(Key.of(key)).liveValues())
                    .as("%s, acknowledged as synced before the cut", key).contains(value));
            assertThat(ackedBeforeCut).isNotEmpty();
            Dot fresh = replica.coordinate(Key.of("after-the-cut"), Context.EMPTY, text("new"))
                    .siblings().get(0).dot();
            long highestIssued = issued.keySet().stream().filter(d -> d.actor().equals(fresh.actor()))
                    .mapToLong(Dot::counter).max().orElseThrow();
            assertThat(fresh.counter()).as("a dot past every one issued before the cut")
                    .isGreaterThan(highestIssued);
        }
    }

    @Test
    void withASyncIntervalAPlainWriteIsSyncedWithinIt() throws Exception {
        Path live = temp.resolve("live");
        Duration interval = Duration.ofMillis(200);
        try (XodusStorageEngine engine = XodusStorageEngine.open(live, interval, SyncRecordingProvider.NAME)) {
            PowerCut cut = PowerCut.of(live);
            long written = System.nanoTime();
            replica(engine).coordinate(Key.of("plain"), Context.EMPTY, text("v"));
            long length = cut.written().total();
            while (cut.lastSynced().total() < length) {
                assertThat(Duration.ofNanos(System.nanoTime() - written))
                        .as("time until the write was synced").isLessThan(interval.multipliedBy(10));
                Thread.onSpinWait();
            }
            try (XodusStorageEngine after = XodusStorageEngine.open(cut.cutTo(temp.resolve("cut")), Duration.ZERO)) {
                assertThat(after.read(Key.of("plain")).liveValues()).containsExactly(text("v"));
            }
        }
    }

    /** The cut is real: without a sync interval or a synced write, a plain write is gone after it. */
    @Test
    void withoutASyncAPlainWriteIsLostToTheCut() {
        Path live = temp.resolve("live");
        try (XodusStorageEngine engine = XodusStorageEngine.open(live, Duration.ZERO, SyncRecordingProvider.NAME)) {
            ReplicaStore replica = replica(engine);
            replica.coordinate(Key.of("synced"), Context.EMPTY, text("v"), true);
            replica.coordinate(Key.of("plain"), Context.EMPTY, text("v"));
            try (XodusStorageEngine after = XodusStorageEngine.open(PowerCut.of(live).cutTo(temp.resolve("cut")),
                    Duration.ZERO)) {
                assertThat(after.read(Key.of("synced")).liveValues()).containsExactly(text("v"));
                assertThat(after.read(Key.of("plain")).liveValues()).isEmpty();
            }
        }
    }

    private static ReplicaStore replica(XodusStorageEngine engine) {
        return new ReplicaStore(engine, new DotSource("n1", engine), Clock.systemUTC(), 10, SiblingLimits.none("n1"));
    }

    private static Value text(String s) {
        return Value.of(s.getBytes(StandardCharsets.UTF_8), "text/plain");
    }
}
