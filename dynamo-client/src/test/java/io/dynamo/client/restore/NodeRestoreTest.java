package io.dynamo.client.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeRestoreTest {
    private static final Map<String, String> FILES = Map.of("store/00000000000.xd", "store log",
            "hints/00000000000.xd", "hint log", "membership.bin", "ring");

    @TempDir
    Path tmp;
    private Path backup;
    private Path data;

    @BeforeEach
    void aBackupOfNode1() throws Exception {
        backup = tmp.resolve("node1-v3-20250101T120000.000Z");
        data = tmp.resolve("data/node1");
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            Files.createDirectories(backup.resolve(f.getKey()).getParent());
            Files.writeString(backup.resolve(f.getKey()), f.getValue());
        }
        writeManifest("node1", FILES.keySet().stream().map(p -> entry(p, FILES.get(p)))
                .collect(Collectors.joining(",")));
    }

    @Test
    void copiesEveryFileToItsPlaceAndLeavesTheMarkerTheNodeStartsOn() throws Exception {
        NodeRestore.Result result = NodeRestore.restore(backup, data, "node1", false);

        assertThat(result.manifest().node()).isEqualTo("node1");
        assertThat(result.manifest().ringVersion()).isEqualTo(3);
        assertThat(result.bytes()).isEqualTo(21);
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            assertThat(Files.readString(data.resolve(f.getKey()))).isEqualTo(f.getValue());
        }
        assertThat(Files.readString(data.resolve(NodeRestore.PENDING))).startsWith("restored " + backup)
                .contains("node node1, ring v3");
        assertThat(data.resolve(NodeRestore.INCOMPLETE)).doesNotExist();
        assertThat(data.resolve(NodeRestore.MANIFEST)).doesNotExist();
    }

    @Test
    void aFileThatDoesNotMatchItsChecksumIsRefusedBeforeAnythingIsWritten() throws Exception {
        Files.writeString(backup.resolve("store/00000000000.xd"), "store loq");

        assertThatThrownBy(() -> NodeRestore.restore(backup, data, "node1", false))
                .isInstanceOf(RestoreRefusedException.class)
                .hasMessageContaining("store/00000000000.xd does not match its SHA-256");
        assertThat(data).doesNotExist();
    }

    @Test
    void aShorterFileOrAMissingOneIsRefused() throws Exception {
        Files.writeString(backup.resolve("membership.bin"), "rin");
        assertThatThrownBy(() -> NodeRestore.verify(backup, null)).hasMessageContaining("membership.bin is missing"
                + " or not 4 bytes long");
        Files.delete(backup.resolve("membership.bin"));
        assertThatThrownBy(() -> NodeRestore.verify(backup, null)).hasMessageContaining("membership.bin is missing");
    }

    @Test
    void theBackupOfAnotherNodeIsRefused() {
        assertThatThrownBy(() -> NodeRestore.restore(backup, data, "node2", false))
                .isInstanceOf(RestoreRefusedException.class)
                .hasMessageContaining("is of node node1, not node2");
        assertThat(data).doesNotExist();
    }

    @Test
    void aDataDirectoryThatHoldsDataIsRefusedUnlessReplaced() throws Exception {
        Files.createDirectories(data.resolve("store"));
        Files.writeString(data.resolve("store/00000000005.xd"), "newer log");

        assertThatThrownBy(() -> NodeRestore.restore(backup, data, null, false))
                .isInstanceOf(RestoreRefusedException.class).hasMessageContaining("is not empty")
                .hasMessageContaining("--replace");
        assertThat(data.resolve("store/00000000005.xd")).exists();

        NodeRestore.restore(backup, data, null, true);
        assertThat(data.resolve("store/00000000005.xd")).doesNotExist();
        assertThat(Files.readString(data.resolve("store/00000000000.xd"))).isEqualTo("store log");
        Files.createDirectories(tmp.resolve("empty"));
        assertThat(NodeRestore.restore(backup, tmp.resolve("empty"), null, false).bytes()).isEqualTo(21);
    }

    @Test
    void whatIsNotACompleteBackupIsRefused() throws Exception {
        assertThatThrownBy(() -> NodeRestore.verify(tmp.resolve("nothing"), null))
                .hasMessageContaining("is not a directory");
        Files.delete(backup.resolve(NodeRestore.MANIFEST));
        assertThatThrownBy(() -> NodeRestore.verify(backup, null)).hasMessageContaining("has no manifest.json");
        Files.writeString(backup.resolve(NodeRestore.MANIFEST), "{\"formatVersion\": ");
        assertThatThrownBy(() -> NodeRestore.verify(backup, null)).hasMessageContaining("is not a backup manifest");
        writeManifest("node1", "");
        Files.writeString(backup.resolve(NodeRestore.MANIFEST), Files.readString(backup.resolve(
                NodeRestore.MANIFEST)).replace("\"formatVersion\": 1", "\"formatVersion\": 2"));
        assertThatThrownBy(() -> NodeRestore.verify(backup, null)).hasMessageContaining("format version 2");
    }

    @Test
    void aManifestNamingAFileOutsideTheBackupIsRefused() throws Exception {
        Files.writeString(tmp.resolve("secret"), "x");
        for (String path : new String[] {"../secret", "/etc/hostname", "", "restore.pending", "manifest.json"}) {
            writeManifest("node1", entry(path, "x"));
            assertThatThrownBy(() -> NodeRestore.restore(backup, data, null, false)).as(path)
                    .isInstanceOf(RestoreRefusedException.class).hasMessageContaining("not a plain path inside");
        }
        assertThat(data).doesNotExist();
    }

    private Path writeManifest(String node, String files) throws Exception {
        return Files.writeString(backup.resolve(NodeRestore.MANIFEST), "{\"formatVersion\": 1, \"node\": \"" + node
                + "\", \"cluster\": \"dynamo\", \"ringVersion\": 3, \"partitions\": 8, \"replicas\": 3,"
                + " \"readQuorum\": 2, \"writeQuorum\": 2, \"createdMillis\": 1735732800000,"
                + " \"created\": \"2025-01-01T12:00:00Z\", \"keyCount\": 2, \"files\": [" + files + "]}");
    }

    private static String entry(String path, String content) {
        try {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            return "{\"path\": \"" + path + "\", \"size\": " + bytes.length + ", \"sha256\": \""
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)) + "\"}";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
