package io.dynamo.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node URLs, credentials and the prompt. */
class OptionsTest {
    @TempDir
    Path dir;

    @Test
    void nodeUrlsBecomeApiBases() {
        assertThat(NodeUrls.parse(List.of("127.0.0.1:8081", "http://h:8082/,https://h:443/base"), null))
                .containsExactly(URI.create("http://127.0.0.1:8081/dynamo/api/v1/"),
                        URI.create("http://h:8082/dynamo/api/v1/"), URI.create("https://h:443/base/"));
        assertThat(NodeUrls.parse(List.of(), "http://a:1, http://b:2"))
                .containsExactly(URI.create("http://a:1/dynamo/api/v1/"), URI.create("http://b:2/dynamo/api/v1/"));
        assertThat(NodeUrls.parse(List.of(), null)).containsExactly(URI.create("http://127.0.0.1:8080/dynamo/api/v1/"));
        assertThat(NodeUrls.at(URI.create("https://h:443/base/"), "10.0.0.2:8443"))
                .isEqualTo(URI.create("https://10.0.0.2:8443/base/"));
    }

    @Test
    void credentialsFromAPropertiesFileTheLocalClustersFileOrTheEnvironment() throws IOException {
        Path properties = Files.writeString(dir.resolve("admin.properties"), "user=ops\npassword=s3cret\n");
        Path local = Files.writeString(dir.resolve("credentials"),
                "DYNAMO_SECURITY_ADMIN_PASSWORD=abc\nDYNAMO_SECURITY_CLIENT_PASSWORD=xyz\n");

        assertThat(AdminCredentials.resolve(properties, Map.of())).isEqualTo(new AdminCredentials("ops", "s3cret"));
        assertThat(AdminCredentials.resolve(local, Map.of())).isEqualTo(new AdminCredentials("admin", "abc"));
        assertThat(AdminCredentials.resolve(null, Map.of("DYNAMO_ADMIN_PASSWORD", "p", "DYNAMO_ADMIN_USER", "u")))
                .isEqualTo(new AdminCredentials("u", "p"));
        assertThat(AdminCredentials.resolve(null, Map.of())).isNull();
        assertThat(new AdminCredentials("u", "p").toString()).doesNotContain("p]");
        assertThatThrownBy(() -> AdminCredentials.resolve(null, Map.of("DYNAMO_ADMIN_PASSWORD", "p",
                "DYNAMO_ADMIN_USER", "a:b"))).isInstanceOfSatisfying(CliFailure.class,
                        f -> assertThat(f.exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void onlyYesCommitsAtThePrompt() {
        assertThat(answer("y\n")).isTrue();
        assertThat(answer(" YES \n")).isTrue();
        assertThat(answer("n\n")).isFalse();
        assertThat(answer("\n")).isFalse();
        assertThat(answer("yeah\n")).isFalse();
        assertThat(answer("")).isFalse();
    }

    private static boolean answer(String typed) {
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(err),
                new BufferedReader(new StringReader(typed)));
        boolean yes = terminal.confirm("Commit? [y/N] ");
        assertThat(err.toString()).startsWith("Commit? [y/N] ");
        return yes;
    }
}
