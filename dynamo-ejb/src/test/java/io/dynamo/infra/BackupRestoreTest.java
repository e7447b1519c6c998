package io.dynamo.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.backup.BackupManifest;
import io.dynamo.core.backup.BackupStatus;
import io.dynamo.core.backup.BackupSupport;
import io.dynamo.core.backup.NodeBackup;
import io.dynamo.core.base.Key;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.store.StorageException;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import io.dynamo.infra.xodus.XodusHintStore;
import io.dynamo.infra.xodus.XodusStorageEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups of real Xodus stores that keep taking writes, and what a node makes of restored data at its start. */
class BackupRestoreTest {
    private static final int BEFORE = 3000;
    private static final BackupStatus.State DONE = BackupStatus.State.DONE;

    @TempDir
    Path tmp;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void theCopyHoldsEveryWriteAcknowledgedBeforeTheBackupStartedWhileWritesGoOn() throws Exception {
        Path data = tmp.resolve("data");
        Path backups = Files.createDirectories(tmp.resolve("backups"));
        try (XodusStorageEngine store = XodusStorageEngine.open(data.resolve("store"), Duration.ofMillis(100));
             XodusHintStore hints = XodusHintStore.open(data.resolve("hints"), Duration.ofMillis(100))) {
            for (int i = 0; i < BEFORE; i++) {
                write(store, "before-" + i, i);
            }
            hints.add("node-2", Key.of("hinted"), SiblingSet.EMPTY.put(Context.EMPTY, new Dot("n1.x", 1),
                    Value.of(bytes("h"), "text/plain"), 1, 10), 1);
            NodeBackup backup = new NodeBackup(data, new BackupSupport("c", List.of(store.backupSource("store"),
                    hints.backupSource("hints")), threads));
            AtomicBoolean copying = new AtomicBoolean(true);
            Future<Integer> during = threads.submit(() -> {
                int n = 0;
                while (copying.get() || n < 2000) {
                    write(store, "during-" + n, n);
                    n++;
                }
                return n;
            });

            backup.start(backups.toString(), new BackupManifest(1, "n1", "c", 1, 8, 1, 1, 1,
                    System.currentTimeMillis(), store.keyCount(), List.of()));
            // One read of the state per turn: read twice, it could be DONE between the two.
            for (BackupStatus.State state = backup.status().state(); state != DONE; state = backup.status().state()) {
                assertThat(state).isEqualTo(BackupStatus.State.RUNNING);
                Thread.onSpinWait();
            }
            copying.set(false);
            assertThat(during.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(2000);

            Path restored = copyOf(Path.of(backup.status().last().orElseThrow().directory()), tmp.resolve("restored"));
            try (XodusStorageEngine copy = XodusStorageEngine.open(restored.resolve("store"), Duration.ZERO);
                 XodusHintStore copiedHints = XodusHintStore.open(restored.resolve("hints"), Duration.ZERO)) {
                for (int i = 0; i < BEFORE; i++) {
                    assertThat(copy.read(Key.of("before-" + i)).liveValues()).as("before-%d", i)
                            .containsExactly(Value.of(bytes("value-" + i), "text/plain"));
                }
                assertThat(copy.incarnation()).isEqualTo(store.incarnation());
                assertThat(copiedHints.read(Key.of("hinted")).liveValues()).hasSize(1);
            }
        }
    }

    @Test
    void aNodeStartsOnARestoredStoreAsANewIncarnationAndNeverOnAnIncompleteRestore() throws Exception {
        Path data = tmp.resolve("node");
        String before;
        try (XodusStorageEngine store = XodusStorageEngine.open(data.resolve("store"), Duration.ZERO)) {
            write(store, "k", 1);
            before = store.incarnation();
        }
        Files.writeString(data.resolve(RestoreMarkers.INCOMPLETE), "restoring");
        NodeConfig config = NodeConfig.defaults("n1", data).withQuorum(1, 1, 1);
        assertThatThrownBy(() -> NodeAssembler.assemble(config)).isInstanceOf(StorageException.class)
                .hasMessageContaining("holds an incomplete restore").hasMessageContaining("--replace");

        Files.delete(data.resolve(RestoreMarkers.INCOMPLETE));
        Files.writeString(data.resolve(RestoreMarkers.PENDING), "restored");
        NodeAssembler.assemble(config).close();

        assertThat(data.resolve(RestoreMarkers.PENDING)).doesNotExist();
        assertThat(data.resolve(RestoreMarkers.APPLIED)).exists();
        String renewed;
        try (XodusStorageEngine store = XodusStorageEngine.open(data.resolve("store"), Duration.ZERO)) {
            renewed = store.incarnation();
            assertThat(store.read(Key.of("k")).liveValues()).hasSize(1);
        }
        assertThat(renewed).isNotEqualTo(before);
        NodeAssembler.assemble(config).close();
        try (XodusStorageEngine store = XodusStorageEngine.open(data.resolve("store"), Duration.ZERO)) {
            assertThat(store.incarnation()).as("renewed once, not at every start").isEqualTo(renewed);
        }
    }

    private static void write(XodusStorageEngine store, String key, int i) {
        store.update(Key.of(key), s -> s.put(Context.EMPTY, new Dot("n1." + store.incarnation(), i + 1L),
                Value.of(bytes("value-" + i), "text/plain"), i + 1L, 10));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** What a restore does to the files: the same tree under another directory. */
    private static Path copyOf(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
