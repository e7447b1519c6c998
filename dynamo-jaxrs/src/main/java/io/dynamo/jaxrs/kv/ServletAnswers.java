package io.dynamo.jaxrs.kv;

import io.dynamo.jaxrs.error.ErrorAnswer;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the key-value answers of the servlet path: the same status, headers and bytes JAX-RS would send for them
 * (JSON by JSON-B, as JAX-RS writes it).
 */
final class ServletAnswers {
    /** Thread-safe; holds nothing but caches, so it lives as long as the application. */
    private static final Jsonb JSON = JsonbBuilder.create();

    private ServletAnswers() {
    }

    static void write(HttpServletResponse response, KvAnswer answer) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        if (answer.lastModifiedMillis() >= 0) {
            response.setDateHeader("Last-Modified", answer.lastModifiedMillis());
        }
        if (answer.body() != null) {
            body(response, answer.contentType(), answer.rawBody() ? (byte[]) answer.body() : json(answer.body()));
        }
    }

    static void write(HttpServletResponse response, ErrorAnswer answer) throws IOException {
        response.setStatus(answer.status());
        if (answer.retryAfter() != null) {
            response.setHeader("Retry-After", answer.retryAfter());
        }
        body(response, KvAnswer.JSON, json(answer.body()));
    }

    private static byte[] json(Object body) {
        return JSON.toJson(body).getBytes(StandardCharsets.UTF_8);
    }

    private static void body(HttpServletResponse response, String contentType, byte[] bytes) throws IOException {
        // A raw header: a value's stored type is echoed exactly as the client sent it.
        response.setHeader("Content-Type", contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
