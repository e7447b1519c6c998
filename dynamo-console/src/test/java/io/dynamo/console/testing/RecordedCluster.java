package io.dynamo.console.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A node of the admin API in-process ({@code com.sun.net.httpserver}) answering the recorded responses: requests
 * are logged, the event stream sends the full state on connect and whatever a test pushes, and a test can drop the
 * streams or stop the node. The recorded node1's address is replaced by this server's own, and node2's by
 * {@link #peer} when set, so that a console can switch between two of these.
 */
public final class RecordedCluster implements AutoCloseable {
    public static final String PASSWORD = "recorded-admin-password";
    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final List<OutputStream> streams = new CopyOnWriteArrayList<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private volatile String peer = "127.0.0.1:1";
    private volatile String retry = "3000";

    public RecordedCluster() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "recorded-cluster");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/dynamo/api/v1/", this::handle);
        answers.put("GET admin/ring", "ring.json");
        answers.put("GET admin/nodes", "nodes.json");
        answers.put("GET admin/hints", "hints-node1.json");
        answers.put("POST admin/join", "plan-join-node4.json");
        answers.put("POST admin/leave", "plan-leave-node3.json");
        answers.put("POST admin/anti-entropy/0", "exchange-0.json");
        server.start();
    }

    public URI uri() {
        return URI.create("http://" + address() + "/");
    }

    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The address node2 announces in this node's answers. */
    public RecordedCluster peer(String address) {
        this.peer = address;
        return this;
    }

    /** The {@code retry:} the event stream announces. */
    public RecordedCluster retry(long millis) {
        this.retry = String.valueOf(millis);
        return this;
    }

    /** Answers {@code "METHOD path"} (path below the API base, e.g. {@code admin/ring}) with a recorded file. */
    public RecordedCluster answer(String request, String recordedFile) {
        answers.put(request, recordedFile);
        return this;
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The body of the last request of that method and path. */
    public String body(String request) {
        return bodies.get(request);
    }

    public int openStreams() {
        return streams.size();
    }

    /** Sends an event to every open stream. */
    public void push(String event, String json) {
        for (OutputStream out : streams) {
            try {
                send(out, event, json);
            } catch (IOException e) {
                streams.remove(out);
            }
        }
    }

    /** Ends every open event stream, as a node that restarts would. */
    public void dropStreams() {
        for (OutputStream out : streams) {
            try {
                out.close();
            } catch (IOException ignored) {
                // gone already
            }
        }
        streams.clear();
    }

    @Override
    public void close() {
        dropStreams();
        server.stop(0);
    }

    public String localize(String json) {
        // node3 gets an address where nothing listens
        return json.replace("127.0.0.1:28080", address()).replace("127.0.0.1:28081", peer)
                .replace("127.0.0.1:28082", "127.0.0.1:1");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath().substring("/dynamo/api/v1/".length());
        String request = exchange.getRequestMethod() + " " + path;
        requests.add(request);
        bodies.put(request, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (path.startsWith("admin/") && !authorized(exchange)) {
            respond(exchange, 401, Recorded.text("error-unauthorized.json"));
            return;
        }
        if (request.equals("GET admin/events")) {
            stream(exchange);
            return;
        }
        String file = answers.get(request);
        if (file == null && path.startsWith("admin/ring/key/")) {
            file = "placement-replica-down.json";
        } else if (file == null && path.startsWith("admin/keys/")) {
            file = "versions-cart-alice.json";
        }
        if (file != null) {
            int status = file.startsWith("error-stale") ? 409 : file.startsWith("error-unauth") ? 401 : 200;
            respond(exchange, status, localize(Recorded.text(file)));
        } else if (request.startsWith("GET kv/")) {
            exchange.getResponseHeaders().add("X-Dynamo-Context", "recorded-context");
            respond(exchange, 300, "{\"context\":\"recorded-context\",\"siblings\":[{\"value\":\"Ymx1ZQ==\","
                    + "\"contentType\":\"text/plain\"},{\"value\":\"Z3JlZW4=\",\"contentType\":\"text/plain\"}]}");
        } else if (request.startsWith("PUT kv/")) {
            exchange.getResponseHeaders().add("X-Dynamo-Context", "after-put");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        } else if (request.startsWith("POST admin/join/commit") || request.startsWith("POST admin/leave/commit")) {
            String plan = Recorded.text(request.contains("join") ? "plan-join-node4.json" : "plan-leave-node3.json");
            respond(exchange, 200, localize(plan.replace("\"committed\":false", "\"committed\":true")));
        } else {
            respond(exchange, 404, "{\"error\":\"not_found\",\"detail\":\"no recorded answer for " + request + "\"}");
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        send(out, "ring", Recorded.text(answers.get("GET admin/ring")));
        send(out, "health", Recorded.text(answers.get("GET admin/nodes")));
        send(out, "hints", Recorded.text(answers.get("GET admin/hints")));
        streams.add(out);
    }

    private void send(OutputStream out, String event, String json) throws IOException {
        String data = localize(json).strip();
        String text = "event: " + event + "\nretry: " + retry + "\ndata: " + data + "\n\n";
        synchronized (out) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
