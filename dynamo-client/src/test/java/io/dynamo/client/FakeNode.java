package io.dynamo.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A pretend Dynamo node on 127.0.0.1: an HTTP server under {@code /dynamo/api/v1/} that records every request and
 * answers {@code /kv} with whatever its handler says and {@code /admin} as its cluster says.
 */
final class FakeNode implements AutoCloseable {
    static final String API = "/dynamo/api/v1/";

    /** A request as it arrived: the raw (still encoded) path and query, headers by lower-case name, the body. */
    record Received(String node, String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                    byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : values.get(0);
        }

        /** A key-value request, of the default key space or a namespace's. */
        boolean isKv() {
            return rawPath.startsWith(API + "kv/") || rawPath.startsWith(API + "ns/") && rawPath.contains("/kv/");
        }

        boolean isAdmin(String what) {
            return rawPath.equals(API + "admin/" + what);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An answer. */
    record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Reply json(int status, String json, Map<String, String> headers) {
            return new Reply(status, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
        }

        static Reply empty(int status, Map<String, String> headers) {
            return new Reply(status, null, new byte[0], headers);
        }
    }

    final String id;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Received> received;
    private volatile Function<Received, Reply> kv;
    private volatile Function<Received, Reply> admin;
    private volatile long ringVersionHeader;

    FakeNode(String id, List<Received> sharedLog) throws IOException {
        this.id = id;
        this.received = sharedLog;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(API, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port() + API);
    }

    String httpAddress() {
        return "127.0.0.1:" + port();
    }

    void kv(Function<Received, Reply> handler) {
        this.kv = handler;
    }

    void admin(Function<Received, Reply> handler) {
        this.admin = handler;
    }

    /** The ring version this node announces on /kv answers; 0 for none. */
    void announceRingVersion(long version) {
        this.ringVersionHeader = version;
    }

    /** Stops listening: connections to it are refused from now on. */
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Map<String, List<String>> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
            URI uri = exchange.getRequestURI();
            Received request = new Received(id, exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                    headers, in.readAllBytes());
            received.add(request);
            Reply reply = request.isKv() ? kv.apply(request) : admin.apply(request);
            if (reply.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            long announced = ringVersionHeader;
            if (announced > 0 && request.isKv()) {
                exchange.getResponseHeaders().set("X-Dynamo-Ring-Version", Long.toString(announced));
            }
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                exchange.getResponseBody().write(reply.body());
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    @Override
    public String toString() {
        return id + "@" + port();
    }

    static List<Received> newLog() {
        return java.util.Collections.synchronizedList(new ArrayList<>());
    }
}
