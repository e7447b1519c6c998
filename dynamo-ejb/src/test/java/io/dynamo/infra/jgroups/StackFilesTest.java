package io.dynamo.infra.jgroups;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The stack operators see in config/jgroups and the one the WAR loads from the classpath are the same file. */
class StackFilesTest {

    @Test
    void classpathDefaultMatchesTheConfigCopy() throws Exception {
        Path config = Path.of("..", "config", "jgroups", "tcp.xml");
        assertThat(config).as("run from the dynamo-ejb module directory").exists();
        String resource = JGroupsSettings.DEFAULT_STACK.substring(JGroupsSettings.CLASSPATH_PREFIX.length());
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(config));
        }
    }
}
