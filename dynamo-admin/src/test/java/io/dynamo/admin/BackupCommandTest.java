package io.dynamo.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.BackupBody;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupCommandTest {
    private static final NodeAnswer<BackupBody> DONE = answer("node1", "DONE", null);
    private static final NodeAnswer<BackupBody> RUNNING = answer("node2", "RUNNING", null);
    private static final NodeAnswer<BackupBody> FAILED = answer("node2", "FAILED", "No space left on device");
    private static final NodeAnswer<BackupBody> REFUSED = new NodeAnswer<>("node3", "127.0.0.1:8082", null,
            "127.0.0.1:8082 refused the request (400 invalid_request: field 'directory' = \"/b\" is not an existing"
                    + " directory on the node's disk; create it first).");
    private static final NodeAnswer<BackupBody> DOWN = new NodeAnswer<>("node3", "127.0.0.1:8082", null,
            "no node answered (tried 127.0.0.1:8082: Connection refused).");

    @Test
    void exitsWithWhatWentWorst() {
        assertThat(BackupCommand.exitCode(List.of(DONE, RUNNING))).isEqualTo(ExitCode.OK);
        assertThat(BackupCommand.exitCode(List.of(DONE, FAILED))).isEqualTo(ExitCode.REFUSED);
        assertThat(BackupCommand.exitCode(List.of(DONE, REFUSED))).isEqualTo(ExitCode.REFUSED);
        assertThat(BackupCommand.exitCode(List.of(DONE, DOWN))).isEqualTo(ExitCode.UNAVAILABLE);
    }

    @Test
    void showsEachNodesStateProgressAndDirectoryAndWhyOthersWereNotAsked() {
        String table = BackupCommand.render(List.of(DONE, FAILED, DOWN));

        assertThat(table).containsPattern("node1\\s+DONE\\s+3/3\\s+2\\.0 KiB\\s+/b/node1-v2-x\\s+-")
                .containsPattern("node2\\s+FAILED\\s+3/3\\s+2\\.0 KiB\\s+/b/node2-v2-x\\s+No space left on device")
                .endsWith("node3: not asked: no node answered (tried 127.0.0.1:8082: Connection refused).\n");
        assertThat(BackupCommand.progress(List.of(RUNNING, DOWN)))
                .isEqualTo("backup: node2 RUNNING 3/3 files, 2.0 KiB of 2.0 KiB; node3 not answering");
    }

    private static NodeAnswer<BackupBody> answer(String node, String state, String error) {
        return new NodeAnswer<>(node, "127.0.0.1:8080", new BackupBody(node, state, "/b/" + node + "-v2-x", 1, 2, 3,
                3, 2048, 2048, error, null, null), null);
    }
}
