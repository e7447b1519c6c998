package io.dynamo.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeBackupTest {
    private static final long CREATED = 1_700_000_000_123L;
    private static final BackupManifest DRAFT = new BackupManifest(BackupManifest.FORMAT_VERSION, "node-1", "dynamo",
            7, 32, 3, 2, 2, CREATED, 42, List.of());

    @TempDir
    Path tmp;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @Test
    void copiesEachFileWithItsSizeAndSha256AndWritesTheManifestLast() throws Exception {
        NodeBackup backup = new NodeBackup(tmp.resolve("data"), support(Runnable::run,
                image(file("store/00000000000.xd", "log bytes and more", 9)), image(file("membership.bin", "ring", 4))));
        Path into = Files.createDirectory(tmp.resolve("backups"));

        BackupStatus started = backup.start(into.toString(), DRAFT);

        Path dir = into.resolve("node-1-v7-20231114T221320.123Z");
        assertThat(started.directory()).contains(dir.toString());
        assertThat(Files.readString(dir.resolve("store/00000000000.xd"))).isEqualTo("log bytes");
        assertThat(Files.readString(dir.resolve("membership.bin"))).isEqualTo("ring");
        BackupStatus done = backup.status();
        assertThat(done.state()).isEqualTo(BackupStatus.State.DONE);
        assertThat(done.filesDone()).isEqualTo(2);
        assertThat(done.bytesDone()).isEqualTo(done.bytesTotal()).isEqualTo(13);
        BackupManifest manifest = done.last().orElseThrow().manifest();
        assertThat(manifest.files()).containsExactly(
                new BackupFile("store/00000000000.xd", 9, sha256("log bytes")),
                new BackupFile("membership.bin", 4, sha256("ring")));
        assertThat(Files.readString(dir.resolve(NodeBackup.MANIFEST)))
                .contains("\"formatVersion\": 1,", "\"node\": \"node-1\",", "\"cluster\": \"dynamo\",",
                        "\"ringVersion\": 7,", "\"partitions\": 32,", "\"replicas\": 3,", "\"readQuorum\": 2,",
                        "\"writeQuorum\": 2,", "\"createdMillis\": 1700000000123,",
                        "\"created\": \"2023-11-14T22:13:20.123Z\",", "\"keyCount\": 42,",
                        "{\"path\": \"membership.bin\", \"size\": 4, \"sha256\": \"" + sha256("ring") + "\"}");
    }

    @Test
    void progressShowsWhileItRunsAndASecondBackupIsRefusedUntilItEnds() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ImageFile slow = new ImageFile("store/1.xd", 6, () -> new InputStream() {
            private int left = 6;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left == 3) {
                    reading.countDown();
                    await(release);
                }
                int n = Math.min(Math.min(len, 3), left);
                for (int i = 0; i < n; i++) {
                    b[off + i] = 'x';
                }
                left -= n;
                return n;
            }
        });
        NodeBackup backup = new NodeBackup(tmp.resolve("data"), support(thread, image(file("hints/0.xd", "ab", 2),
                slow)));

        backup.start(tmp.toString(), DRAFT);
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

        BackupStatus running = backup.status();
        assertThat(running.state()).isEqualTo(BackupStatus.State.RUNNING);
        assertThat(running.filesTotal()).isEqualTo(2);
        assertThat(running.filesDone()).isEqualTo(1);
        assertThat(running.bytesTotal()).isEqualTo(8);
        assertThat(running.bytesDone()).isEqualTo(5);
        assertThatThrownBy(() -> backup.start(tmp.toString(), DRAFT)).isInstanceOf(BackupRunningException.class)
                .hasMessageContaining("is under way (1 of 2 files)");

        release.countDown();
        thread.shutdown();
        assertThat(thread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(backup.status().state()).isEqualTo(BackupStatus.State.DONE);
        assertThat(backup.status().bytesDone()).isEqualTo(8);
    }

    @Test
    void aFailedBackupIsRemovedAndSaysWhyWhileTheLastGoodOneStays() throws Exception {
        ImageFile[] next = {file("store/0.xd", "ok", 2)};
        NodeBackup backup = new NodeBackup(tmp.resolve("data"), support(Runnable::run, () -> image(next[0]).pin()));
        backup.start(tmp.toString(), DRAFT);
        String good = backup.status().last().orElseThrow().directory();

        next[0] = new ImageFile("store/0.xd", 10, () -> new ByteArrayInputStream(new byte[3]));
        backup.start(tmp.toString(), new BackupManifest(1, "node-1", "", 8, 32, 3, 2, 2, CREATED + 1, 0, List.of()));

        BackupStatus failed = backup.status();
        assertThat(failed.state()).isEqualTo(BackupStatus.State.FAILED);
        assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e).contains("store/0.xd ended 7 bytes before"));
        assertThat(Path.of(failed.directory().orElseThrow())).doesNotExist();
        assertThat(failed.last().orElseThrow().directory()).isEqualTo(good);
        assertThat(Path.of(good).resolve(NodeBackup.MANIFEST)).exists();
    }

    @Test
    void refusesDirectoriesThatCannotTakeABackup() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        NodeBackup backup = new NodeBackup(data, support(Runnable::run));
        Path file = Files.writeString(tmp.resolve("a-file"), "x");

        assertThatThrownBy(() -> backup.start("backups", DRAFT)).isInstanceOf(InvalidBackupDirectoryException.class)
                .hasMessageContaining("\"backups\" is relative");
        assertThatThrownBy(() -> backup.start(tmp.resolve("missing").toString(), DRAFT))
                .hasMessageContaining("is not an existing directory");
        assertThatThrownBy(() -> backup.start(file.toString(), DRAFT))
                .hasMessageContaining("is not an existing directory");
        assertThatThrownBy(() -> backup.start(data.resolve("..").resolve("data").toString(), DRAFT))
                .hasMessageContaining("is inside the node's data directory");
        assertThatThrownBy(() -> backup.start("/tmp/\0x", DRAFT)).hasMessageContaining("is not a path");
        assertThat(backup.status()).isEqualTo(BackupStatus.IDLE);
    }

    @Test
    void aFilePathThatWouldLeaveTheBackupIsRefused() {
        Path root = tmp.resolve("b");
        assertThat(NodeBackup.inside(root, "store/0.xd")).isEqualTo(root.resolve("store/0.xd"));
        assertThatThrownBy(() -> NodeBackup.inside(root, "../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeBackup.inside(root, "/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeBackup.inside(root, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theManifestEscapesWhatJsonMust() {
        assertThat(ManifestJson.quoted("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\u000ad\"");
    }

    private static BackupSupport support(java.util.concurrent.Executor runner, BackupSource... sources) {
        return new BackupSupport("dynamo", List.of(sources), runner);
    }

    /** A file whose image is the first {@code size} bytes of {@code content} (a log that grew since it was pinned). */
    private static ImageFile file(String path, String content, long size) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new ImageFile(path, size, () -> new ByteArrayInputStream(bytes));
    }

    private static BackupSource image(ImageFile... files) {
        return () -> new StoreImage() {
            @Override
            public List<ImageFile> files() {
                return List.of(files);
            }

            @Override
            public void close() {
            }
        };
    }

    private static String sha256(String s) {
        return HexFormat.of().formatHex(NodeBackup.sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }
}
