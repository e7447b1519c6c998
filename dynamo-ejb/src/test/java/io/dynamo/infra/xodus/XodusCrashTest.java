package io.dynamo.infra.xodus;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed with SIGKILL in the middle of a write burst loses none of the writes it had acknowledged. */
class XodusCrashTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesAKill() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KillDuringWrites.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long lastAcked = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && lastAcked < 2000) {
                if (line.startsWith("acked ")) {
                    lastAcked = Long.parseLong(line.substring(6));
                }
            }
            // SIGKILL: no shutdown hooks, no close; whatever Xodus had not written is lost with the process.
            child.destroyForcibly().waitFor();
        }
        assertThat(lastAcked).isGreaterThanOrEqualTo(2000);
        try (XodusStorageEngine reopened = XodusStorageEngine.open(dir, Duration.ZERO)) {
            for (long i = 1; i <= lastAcked; i++) {
                assertThat(reopened.read(Key.of("key-" + i)).liveValues()).as("key-" + i).hasSize(1);
            }
        }
    }
}
