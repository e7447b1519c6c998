package io.dynamo.infra.xodus;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synced writes that arrive together share one transaction and one fsync, and none returns before it. */
class XodusGroupCommitTest {
    private static final int WRITERS = 16;
    private static final int WRITES_EACH = 20;

    @TempDir
    Path temp;

    @Test
    void concurrentSyncedWritesShareFsyncsAndReturnOnlyOnceSynced() throws Exception {
        Path live = temp.resolve("live");
        PowerCut cut = PowerCut.of(live);
        Map<String, PowerCut.Image> syncedWhenAcked = new ConcurrentHashMap<>();
        try (XodusStorageEngine engine = XodusStorageEngine.open(live, Duration.ZERO, SyncRecordingProvider.NAME)) {
            int syncsBefore = cut.syncs();
            long batchesBefore = engine.syncedBatches();
            CyclicBarrier start = new CyclicBarrier(WRITERS);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            try {
                List<CompletableFuture<Void>> done = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    done.add(CompletableFuture.runAsync(() -> {
                        await(start);
                        for (int i = 0; i < WRITES_EACH; i++) {
                            String key = "w" + writer + "-" + i;
                            engine.updateSynced(Key.of(key), current -> value(key));
                            // What a power loss right now would leave: it must hold the write just acknowledged.
                            syncedWhenAcked.put(key, cut.lastSynced());
                        }
                    }, writers));
                }
                CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
            } finally {
                writers.shutdownNow();
            }
            long batches = engine.syncedBatches() - batchesBefore;
            assertThat(cut.syncs() - syncsBefore).as("fsyncs: one per batch").isEqualTo(batches);
            assertThat(batches).as("batches for %d writes", WRITERS * WRITES_EACH)
                    .isLessThan(WRITERS * WRITES_EACH);

            Map<PowerCut.Image, List<String>> byImage = new LinkedHashMap<>();
            syncedWhenAcked.forEach((key, image) -> byImage.computeIfAbsent(image, i -> new ArrayList<>()).add(key));
            int n = 0;
            for (Map.Entry<PowerCut.Image, List<String>> e : byImage.entrySet()) {
                Path copy = e.getKey().copyTo(live, temp.resolve("cut" + n++));
                try (XodusStorageEngine after = XodusStorageEngine.open(copy, Duration.ZERO)) {
                    for (String key : e.getValue()) {
                        assertThat(after.read(Key.of(key))).as("%s, synced when it was acknowledged", key)
                                .isEqualTo(value(key));
                    }
                }
            }
        }
    }

    private static SiblingSet value(String key) {
        return SiblingSet.EMPTY.put(Context.EMPTY, new Dot("n1.test", 1),
                Value.of(key.getBytes(StandardCharsets.UTF_8), "text/plain"), 0, 10);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
