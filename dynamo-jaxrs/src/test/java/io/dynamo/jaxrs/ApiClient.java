package io.dynamo.jaxrs;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** A few lines of java.net.http so the tests read as HTTP exchanges. Paths are relative to /dynamo/. */
final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    /** The admin user's password in arquillian.xml. */
    static final String ADMIN_PASSWORD = "it-admin-password";
    /** The client user's password in arquillian.xml. */
    static final String CLIENT_PASSWORD = "it-client-password";

    private final URI root;
    private final String authorization;

    /** A client that sends no credentials. */
    ApiClient(URI root) {
        this(root, null);
    }

    private ApiClient(URI root, String authorization) {
        this.root = root;
        this.authorization = authorization;
    }

    /** The real artifact, not a test-made archive, for each Arquillian test class: what is tested is what ships. */
    static WebArchive builtWar() {
        File war = new File(System.getProperty("dynamo.it.war", "target/dynamo.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /** /dynamo/ on loopback: Payara reports its host name, but the node listens on loopback only. */
    static URI root(URL deployed) {
        return URI.create("http://127.0.0.1:" + deployed.getPort() + "/dynamo/");
    }

    /** A client that sends HTTP Basic credentials with every request. */
    static ApiClient as(URI root, String user, String password) {
        return new ApiClient(root, basic(user, password));
    }

    /** The client user's: what the key-value API needs on a node with default settings. */
    static ApiClient client(URI root) {
        return as(root, "client", CLIENT_PASSWORD);
    }

    static ApiClient admin(URI root) {
        return as(root, "admin", ADMIN_PASSWORD);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A request to /dynamo/{path}; the path is used as given, so tests control the percent-encoding. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(30));
        return authorization == null ? request : request.header("Authorization", authorization);
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
