package io.dynamo.jaxrs.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Plain HTTP calls against a node, so the system test reads as what an operator or client sends. Every call carries
 * the admin credentials {@link MicroNode} gives its nodes, which also satisfy a node that requires client ones.
 */
public final class Http {
    public static final String ADMIN_AUTHORIZATION = "Basic " + java.util.Base64.getEncoder().encodeToString(
            ("admin:" + MicroNode.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", ADMIN_AUTHORIZATION)
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status of a GET, or -1 when nothing answers (a node still starting). */
    public static int status(URI uri) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public static HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    public static HttpResponse<String> put(URI uri, String value, String context) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(value));
        if (context != null) {
            b.header("X-Dynamo-Context", context);
        }
        return send(b);
    }

    public static HttpResponse<String> delete(URI uri, String context) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).DELETE();
        if (context != null) {
            b.header("X-Dynamo-Context", context);
        }
        return send(b);
    }

    public static HttpResponse<String> postJson(URI uri, String json) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static JsonObject json(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("HTTP " + response.statusCode() + " from " + response.uri() + ": "
                    + response.body());
        }
        try (JsonReader r = Json.createReader(new StringReader(response.body()))) {
            return r.readObject();
        }
    }

    /** Joins a node through an admin API as an operator does; see {@link #change}. */
    public static JsonObject join(URI admin, String node, java.time.Duration limit) throws InterruptedException {
        return change(admin, "join", node, limit);
    }

    /**
     * A ring change ({@code join} or {@code leave} of a node) through an admin API, as an operator does: plans,
     * commits, and while the cluster answers 409 (a joining node has not announced itself by gossip yet, or the last
     * ring change is still being handed over) waits a second and plans again, up to {@code limit}.
     */
    public static JsonObject change(URI admin, String operation, String node, java.time.Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            JsonObject plan = json(postJson(admin.resolve(operation), "{\"node\":\"" + node + "\"}"));
            HttpResponse<String> commit = postJson(admin.resolve(operation + "/commit"), "{\"node\":\"" + node
                    + "\",\"ringVersion\":" + plan.getJsonNumber("fromVersion").longValue() + "}");
            if (commit.statusCode() != 409 || System.nanoTime() > deadline) {
                return json(commit);
            }
            Thread.sleep(1000);
        }
    }

    /**
     * Plans a change at {@code admin} with {@code body} ({@code {"changes": [...]}}, {@code {"node": ...}} or
     * {@code {"node": ..., "with": ...}}), then commits it, planning again while the cluster answers 409 (a newcomer
     * not heard from yet, a change still under way, a removed node still found alive); the last answer.
     */
    public static JsonObject commit(URI admin, String operation, String body, java.time.Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            HttpResponse<String> plan = postJson(admin.resolve(operation), body);
            HttpResponse<String> commit = plan.statusCode() == 200 ? postJson(admin.resolve(operation + "/commit"),
                    body.substring(0, body.lastIndexOf('}')) + ",\"ringVersion\":"
                            + json(plan).getJsonNumber("fromVersion").longValue() + "}") : plan;
            if (commit.statusCode() != 409 || System.nanoTime() > deadline) {
                return json(commit);
            }
            Thread.sleep(1000);
        }
    }
}
