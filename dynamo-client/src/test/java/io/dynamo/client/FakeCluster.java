package io.dynamo.client;

import io.dynamo.api.ErrorBody;
import io.dynamo.api.MemberBody;
import io.dynamo.api.NodeBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.RingBody;
import io.dynamo.api.SiblingBody;
import io.dynamo.api.VersionsBody;
import io.dynamo.core.ring.Ring;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Several {@link FakeNode}s that serve one ring through {@code admin/ring} and {@code admin/nodes}. By default
 * every node answers a get with one version naming itself and a write with a context naming itself.
 */
final class FakeCluster implements AutoCloseable {
    static final Jsonb JSON = JsonbBuilder.create();

    private final Map<String, FakeNode> nodes = new LinkedHashMap<>();
    final List<FakeNode.Received> log = FakeNode.newLog();
    private volatile Ring ring;
    private volatile int replicas = 3;
    private volatile int adminStatus = 200;
    private final Map<String, FakeNode.Reply> adminAnswers = new ConcurrentHashMap<>();

    FakeCluster(String... ids) {
        try {
            for (String id : ids) {
                FakeNode node = new FakeNode(id, log);
                node.kv(FakeCluster::defaultKv);
                node.admin(r -> admin(node, r));
                nodes.put(id, node);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    FakeNode node(String id) {
        return nodes.get(id);
    }

    List<FakeNode> nodes() {
        return List.copyOf(nodes.values());
    }

    List<URI> seeds() {
        return nodes.values().stream().map(FakeNode::base).toList();
    }

    /** The ring the admin API hands out; null for none (answers 503 ring_unknown, as a node without a ring). */
    void serveRing(Ring ring, int replicas) {
        this.ring = ring;
        this.replicas = replicas;
    }

    /** Makes the admin API answer this status with an error body (e.g. 401 once it needs credentials). */
    void refuseAdmin(int status) {
        this.adminStatus = status;
    }

    /** Every node answers {@code "METHOD admin/what"} with this, ahead of the ring and node list. */
    void answerAdmin(String request, FakeNode.Reply reply) {
        adminAnswers.put(request, reply);
    }

    List<FakeNode.Received> received(Predicate<FakeNode.Received> which) {
        synchronized (log) {
            return log.stream().filter(which).toList();
        }
    }

    long ringFetches() {
        return received(r -> r.isAdmin("ring")).size();
    }

    private FakeNode.Reply admin(FakeNode self, FakeNode.Received request) {
        Ring current = ring;
        FakeNode.Reply given = adminAnswers.get(request.method() + " " + request.rawPath().substring(FakeNode.API.length()));
        if (given != null) {
            return given;
        }
        if (adminStatus != 200) {
            return error(adminStatus, "unauthorized", "credentials needed");
        }
        if (current == null) {
            return error(503, "ring_unknown", "node " + self.id + " does not know the ring yet");
        }
        Map<String, Integer> counts = current.counts();
        if (request.isAdmin("ring")) {
            List<MemberBody> members = current.members().stream().map(m -> new MemberBody(m.nodeId(), m.weight(),
                    counts.get(m.nodeId()), (double) counts.get(m.nodeId()) / current.partitionCount())).toList();
            return FakeNode.Reply.json(200, JSON.toJson(new RingBody(self.id, current.version(),
                    current.partitionCount(), replicas, 2, 2, members, current.owners(), null)), Map.of());
        }
        if (request.isAdmin("nodes")) {
            List<NodeBody> bodies = new ArrayList<>();
            for (FakeNode n : nodes.values()) {
                bodies.add(new NodeBody(n.id, n == self, "JOINED", n.httpAddress(), current.contains(n.id),
                        current.contains(n.id) ? 1 : null, counts.getOrDefault(n.id, 0), null, null));
            }
            return FakeNode.Reply.json(200, JSON.toJson(new NodesBody(self.id, current.version(), bodies)), Map.of());
        }
        return error(404, "not_found", "no such path");
    }

    static FakeNode.Reply defaultKv(FakeNode.Received request) {
        String node = request.node();
        return switch (request.method()) {
            case "GET" -> new FakeNode.Reply(200, "text/plain", ("from " + node).getBytes(StandardCharsets.UTF_8),
                    Map.of("X-Dynamo-Context", "ctx-" + node));
            case "PUT", "DELETE" -> FakeNode.Reply.empty(204, Map.of("X-Dynamo-Context", "written-by-" + node));
            default -> error(405, "method_not_allowed", request.method());
        };
    }

    static FakeNode.Reply versions(int status, String context, SiblingBody... siblings) {
        return FakeNode.Reply.json(status, JSON.toJson(new VersionsBody(context, List.of(siblings))),
                Map.of("X-Dynamo-Context", context));
    }

    static FakeNode.Reply error(int status, String error, String detail) {
        return FakeNode.Reply.json(status, JSON.toJson(new ErrorBody(error, detail)), Map.of());
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        nodes.values().forEach(FakeNode::stop);
    }
}
