package io.dynamo.console.testing;

import io.dynamo.console.service.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Admin API answers recorded from a local three-node cluster (Q=256, N=3), in src/test/resources/recorded. */
public final class Recorded {
    private Recorded() {
    }

    public static String text(String name) {
        try (InputStream in = Recorded.class.getResourceAsStream("/recorded/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded answer " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String name, Class<T> type) {
        return Json.read(text(name), type);
    }
}
