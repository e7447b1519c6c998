package io.dynamo.jaxrs;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A few lines of java.net.http so the tests read as HTTP exchanges. Paths are relative to /dynamo/. */
final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI root;

    ApiClient(URI root) {
        this.root = root;
    }

    /** A request to /dynamo/{path}; the path is used as given, so tests control the percent-encoding. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<byte[]> put(String path, byte[] body, String contentType, String context) {
        HttpRequest.Builder request = request(path).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (context != null) {
            request.header("X-Dynamo-Context", context);
        }
        return send(request);
    }

    /** The same, but chunked: no Content-Length, so the server must enforce limits while reading. */
    HttpResponse<byte[]> putChunked(String path, byte[] body) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    HttpResponse<byte[]> delete(String path, String context) {
        HttpRequest.Builder request = request(path).DELETE();
        if (context != null) {
            request.header("X-Dynamo-Context", context);
        }
        return send(request);
    }

    HttpResponse<byte[]> post(String path, String body, String contentType) {
        HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static JsonObject json(HttpResponse<byte[]> response) {
        try (JsonReader reader = Json.createReader(new StringReader(text(response)))) {
            return reader.readObject();
        }
    }

    static String context(HttpResponse<byte[]> response) {
        return response.headers().firstValue("X-Dynamo-Context").orElse(null);
    }
}
