package io.dynamo.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code restore} runs on this machine alone: no node is asked (the one named does not exist). */
class RestoreCommandTest {
    private static final Map<String, String> ENV = Map.of("DYNAMO_NODES", "http://127.0.0.1:1");

    @TempDir
    Path tmp;
    private Path backup;
    private Path data;

    @BeforeEach
    void aBackupOfNode1() throws Exception {
        backup = Files.createDirectories(tmp.resolve("node1-v2-20250101T120000.000Z/store"));
        backup = backup.getParent();
        byte[] log = "a log".getBytes(StandardCharsets.UTF_8);
        Files.write(backup.resolve("store/00000000000.xd"), log);
        Files.writeString(backup.resolve("manifest.json"), "{\"formatVersion\": 1, \"node\": \"node1\", \"cluster\":"
                + " \"dynamo\", \"ringVersion\": 2, \"partitions\": 8, \"replicas\": 3, \"readQuorum\": 2,"
                + " \"writeQuorum\": 2, \"createdMillis\": 1735732800000, \"created\": \"2025-01-01T12:00:00Z\","
                + " \"keyCount\": 9, \"files\": [{\"path\": \"store/00000000000.xd\", \"size\": 5, \"sha256\": \""
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(log)) + "\"}]}");
        data = tmp.resolve("data");
    }

    @Test
    void restoresTheBackupAndSaysWhatToDoNext() throws Exception {
        Run run = Run.of(ENV, "restore", "--from", backup.toString(), "--data-dir", data.toString(), "--node-id",
                "node1");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("restored node node1 (ring v2, backup of 2025-01-01T12:00:00Z, 9 keys) into "
                + data + ": 1 files, 5 B\n");
        assertThat(run.err()).startsWith("Start node node1 now: it rejoins with ring v2");
        assertThat(Files.readString(data.resolve("store/00000000000.xd"))).isEqualTo("a log");
        assertThat(run.clean()).isTrue();
    }

    @Test
    void aRefusedRestoreIsExitCode1WithTheReasonAndNoTrace() throws Exception {
        Run wrongNode = Run.of(ENV, "restore", "--from", backup.toString(), "--data-dir", data.toString(),
                "--node-id", "node2");
        Run noBackup = Run.of(ENV, "restore", "--from", tmp.resolve("none").toString(), "--data-dir",
                data.toString());
        Files.createDirectories(data.resolve("store"));
        Files.writeString(data.resolve("store/00000000001.xd"), "newer");
        Run notEmpty = Run.of(ENV, "restore", "--from", backup.toString(), "--data-dir", data.toString());
        Files.writeString(backup.resolve("store/00000000000.xd"), "a loq");
        Run damaged = Run.of(ENV, "restore", "--from", backup.toString(), "--data-dir", data.toString(),
                "--replace");

        assertThat(wrongNode.err()).startsWith("dynamo-admin: restore refused: the backup ")
                .contains("is of node node1, not node2");
        assertThat(noBackup.err()).contains("is not a directory");
        assertThat(notEmpty.err()).contains("is not empty").contains("--replace");
        assertThat(damaged.err()).contains("store/00000000000.xd does not match its SHA-256");
        for (Run run : new Run[] {wrongNode, noBackup, notEmpty, damaged}) {
            assertThat(run.code()).as(run.toString()).isEqualTo(ExitCode.REFUSED);
            assertThat(run.clean()).as(run.toString()).isTrue();
            assertThat(run.out()).isEmpty();
        }
        assertThat(Files.readString(data.resolve("store/00000000001.xd"))).isEqualTo("newer");
    }
}
