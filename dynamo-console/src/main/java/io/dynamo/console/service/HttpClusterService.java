package io.dynamo.console.service;

import io.dynamo.api.ExchangeBody;
import io.dynamo.api.KeyPlacementBody;
import io.dynamo.api.KeyVersionsBody;
import io.dynamo.api.MembershipChangeBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.PlanBody;
import io.dynamo.api.RingBody;
import io.dynamo.api.VersionsBody;
import io.dynamo.api.KeyPaths;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

/**
 * The admin API over {@link HttpClient}. A node that does not answer is skipped for the next one the
 * {@link NodeDirectory} knows; requests that reached a node are never repeated elsewhere.
 */
public final class HttpClusterService implements ClusterService {
    private static final String JSON = "application/json";
    private final HttpClient http;
    private final NodeDirectory directory;
    private final Credentials credentials;
    private final Duration timeout;

    public HttpClusterService(HttpClient http, NodeDirectory directory, Credentials credentials, Duration timeout) {
        this.http = http;
        this.directory = directory;
        this.credentials = credentials;
        this.timeout = timeout;
    }

    public static HttpClient newHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    @Override
    public RingBody ring() {
        return Json.read(get("admin/ring"), RingBody.class);
    }

    @Override
    public NodesBody nodes() {
        NodesBody nodes = Json.read(get("admin/nodes"), NodesBody.class);
        directory.learn(nodes);
        return nodes;
    }

    @Override
    public KeyPlacementBody placement(String key) {
        return Json.read(get("admin/ring/key/" + KeyPaths.segment(key)), KeyPlacementBody.class);
    }

    @Override
    public KeyVersionsBody versions(String key) {
        return Json.read(get("admin/keys/" + KeyPaths.segment(key) + "/versions"), KeyVersionsBody.class);
    }

    @Override
    public VersionsBody read(String key) {
        HttpResponse<String> response = anyNode(node -> request(node, "kv/" + KeyPaths.segment(key))
                .header("Accept", JSON).GET());
        if (response.statusCode() == 404) {
            // missing or deleted: nothing to show, but the context (if any) still supersedes the delete
            return new VersionsBody(response.headers().firstValue("X-Dynamo-Context").orElse(null),
                    java.util.List.of());
        }
        return Json.read(body(response), VersionsBody.class);
    }

    @Override
    public String write(String key, byte[] value, String contentType, String context) {
        HttpResponse<String> response = anyNode(node -> {
            HttpRequest.Builder put = request(node, "kv/" + KeyPaths.segment(key)).header("Content-Type", contentType)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(value));
            return context == null ? put : put.header("X-Dynamo-Context", context);
        });
        body(response);
        return response.headers().firstValue("X-Dynamo-Context").orElse(null);
    }

    @Override
    public PlanBody planJoin(String node, int weight) {
        return plan("admin/join", new MembershipChangeBody(node, weight, null));
    }

    @Override
    public PlanBody commitJoin(String node, int weight, long ringVersion) {
        return plan("admin/join/commit", new MembershipChangeBody(node, weight, ringVersion));
    }

    @Override
    public PlanBody planLeave(String node) {
        return plan("admin/leave", new MembershipChangeBody(node, null, null));
    }

    @Override
    public PlanBody commitLeave(String node, long ringVersion) {
        return plan("admin/leave/commit", new MembershipChangeBody(node, null, ringVersion));
    }

    @Override
    public ExchangeBody antiEntropy(int partition) {
        return Json.read(body(anyNode(node -> request(node, "admin/anti-entropy/" + partition)
                .POST(HttpRequest.BodyPublishers.noBody()))), ExchangeBody.class);
    }

    @Override
    public URI currentNode() {
        return directory.current();
    }

    private PlanBody plan(String path, MembershipChangeBody change) {
        String json = Json.write(change);
        return Json.read(body(anyNode(node -> request(node, path).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(json)))), PlanBody.class);
    }

    private String get(String path) {
        return body(anyNode(node -> request(node, path).GET()));
    }

    private HttpRequest.Builder request(URI node, String path) {
        return HttpRequest.newBuilder(node.resolve(path)).timeout(timeout)
                .header("Authorization", credentials.authorization()).header("Accept", JSON);
    }

    /** Tries the current node, then each other known node once, until one answers. */
    private HttpResponse<String> anyNode(Function<URI, HttpRequest.Builder> request) {
        ClusterException last = null;
        for (int tries = directory.size(); tries > 0; tries--) {
            URI node = directory.current();
            try {
                return send(node, request.apply(node));
            } catch (ClusterException e) {
                if (e.status() != 0) {
                    throw e;
                }
                last = e;
                directory.failed(node);
            }
        }
        throw last;
    }

    private HttpResponse<String> send(URI node, HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ClusterException.unreachable(node, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ClusterException.unreachable(node, e);
        }
    }

    /** The body of a successful answer; an error status becomes a {@link ClusterException} with the API's error. */
    private static String body(HttpResponse<String> response) {
        HttpAnswers.check(response.uri(), response.statusCode(), response.body());
        return response.body();
    }
}
