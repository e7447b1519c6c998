package io.dynamo.jaxrs.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.api.BackupManifestBody;
import io.dynamo.core.backup.BackupFile;
import io.dynamo.core.backup.BackupManifest;
import io.dynamo.core.backup.BackupStatus;
import io.dynamo.core.backup.BackupSupport;
import io.dynamo.core.backup.ImageFile;
import io.dynamo.core.backup.NodeBackup;
import io.dynamo.core.backup.StoreImage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRequestsTest {
    @TempDir
    Path tmp;

    @Test
    void takesTheDirectoryAsGiven() {
        assertThat(BackupRequests.directory(body("{\"directory\": \"/var/backups/dynamo\"}")))
                .isEqualTo("/var/backups/dynamo");
    }

    @Test
    void refusesWhatIsNotOneDirectoryNamingTheFault() {
        assertRefused("", "the body is empty");
        assertRefused("{\"directory\": ", "not valid JSON");
        assertRefused("\"/tmp\"", "not a JSON object");
        assertRefused("{}", "field 'directory' is missing");
        assertRefused("{\"directory\": null}", "field 'directory' is missing");
        assertRefused("{\"directory\": [\"/tmp\"]}", "must be a string");
        assertRefused("{\"directory\": \" \"}", "must be a string");
        assertRefused("{\"directory\": \"/tmp\", \"Directory\": \"/x\"}", "field 'Directory' is unknown");
        assertRefused("{\"directory\": \"" + "x".repeat(BackupRequests.MAX_BODY_BYTES) + "\"}", "more than 8192");
    }

    /** The manifest the core writes by hand is the one clients read as BackupManifestBody, field for field. */
    @Test
    void theManifestFileReadsAsTheBodyTheApiShows() throws Exception {
        byte[] content = "log".getBytes(StandardCharsets.UTF_8);
        StoreImage image = new StoreImage() {
            @Override
            public List<ImageFile> files() {
                return List.of(new ImageFile("store/0.xd", 3, () -> new ByteArrayInputStream(content)));
            }

            @Override
            public void close() {
            }
        };
        NodeBackup backup = new NodeBackup(tmp.resolve("data"), new BackupSupport("cluster \"q\"", List.of(() -> image),
                Runnable::run));
        backup.start(tmp.toString(), new BackupManifest(1, "node-1", "cluster \"q\"", 4, 8, 3, 2, 2, 1_700_000_000_000L,
                12, List.of()));
        BackupStatus.Completed done = backup.status().last().orElseThrow();

        try (Jsonb json = JsonbBuilder.create()) {
            BackupManifestBody read = json.fromJson(Files.readString(Path.of(done.directory())
                    .resolve(NodeBackup.MANIFEST)), BackupManifestBody.class);
            assertThat(read).isEqualTo(BackupViews.manifest(done.manifest()));
            assertThat(read.created()).isEqualTo("2023-11-14T22:13:20Z");
            assertThat(done.manifest().files()).containsExactly(new BackupFile("store/0.xd", 3, HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content))));
        }
    }

    private static void assertRefused(String body, String detail) {
        assertThatThrownBy(() -> BackupRequests.directory(body(body))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(detail);
    }

    private static InputStream body(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
