package io.dynamo.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleOptionsTest {
    @TempDir
    Path dir;

    @Test
    void readsTheUrlUserAndThePasswordFromTheLocalClustersCredentials() throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials"),
                "DYNAMO_SECURITY_ADMIN_PASSWORD=s3cret\nDYNAMO_SECURITY_CLIENT_PASSWORD=other\n");

        ConsoleOptions options = ConsoleOptions.parse(List.of("http://127.0.0.1:8081", "--user", "root",
                "--password-file", credentials.toString(), "--screenshots", "shots", "--key", "cart:alice"), Map.of());

        assertThat(options.url()).isEqualTo("http://127.0.0.1:8081");
        assertThat(options.user()).isEqualTo("root");
        assertThat(options.password()).isEqualTo("s3cret");
        assertThat(options.screenshots()).isEqualTo(Path.of("shots"));
        assertThat(options.key()).isEqualTo("cart:alice");
        assertThat(options.toString()).doesNotContain("s3cret");
    }

    @Test
    void aPasswordFileMayHoldThePasswordAlone() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "plain-password\n");

        assertThat(ConsoleOptions.parse(List.of("--password-file", file.toString()), Map.of()).password())
                .isEqualTo("plain-password");
    }

    @Test
    void takesUserAndPasswordFromTheEnvironment() {
        ConsoleOptions options = ConsoleOptions.parse(List.of(), Map.of("DYNAMO_ADMIN_USER", "admin",
                "DYNAMO_ADMIN_PASSWORD", "from-env"));

        assertThat(options.url()).isNull();
        assertThat(options.password()).isEqualTo("from-env");
    }

    @Test
    void refusesUnknownArgumentsWithTheUsage() {
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--pasword", "x"), Map.of()))
                .hasMessageContaining("unknown argument --pasword").hasMessageContaining("usage: console");
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--user"), Map.of()))
                .hasMessageContaining("--user needs a value");
    }
}
