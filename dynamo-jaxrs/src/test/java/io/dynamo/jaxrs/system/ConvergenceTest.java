package io.dynamo.jaxrs.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault test's convergence check against a stand-in admin API: copies must hold the same versions. */
class ConvergenceTest {
    private static final String CLOCK = "[{\"actor\":\"node1.a\",\"counter\":2,\"time\":1}]";

    @TempDir
    Path work;

    private HttpServer server;
    private volatile long hints;
    private volatile List<String> copies;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/dynamo/api/v1/admin/", exchange -> {
            String json = exchange.getRequestURI().getPath().endsWith("/hints") ? "{\"count\":" + hints + "}"
                    : "{\"replicas\":[" + String.join(",", copies) + "]}";
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void copiesWithTheSameVersionsHaveConverged() throws Exception {
        copies = List.of(copy("node1", "YQ=="), copy("node2", "YQ=="), copy("node3", "YQ=="));

        Convergence.Result result = Convergence.await(nodes(), List.of("k"), Duration.ZERO);

        assertThat(result.converged()).as(result.difference()).isTrue();
    }

    @Test
    void copiesWithTheSameClockButAnotherValueDiffer() throws Exception {
        copies = List.of(copy("node1", "YQ=="), copy("node2", "Yg=="), copy("node3", "YQ=="));

        Convergence.Result result = Convergence.await(nodes(), List.of("k"), Duration.ZERO);

        assertThat(result.converged()).isFalse();
        assertThat(result.difference()).startsWith("k: the copies differ");
    }

    @Test
    void aCopyThatLostAVersionItsClockStillCountsDiffers() throws Exception {
        copies = List.of(copy("node1", "YQ=="), copy("node2", null), copy("node3", "YQ=="));

        Convergence.Result result = Convergence.await(nodes(), List.of("k"), Duration.ZERO);

        assertThat(result.difference()).startsWith("k: the copies differ");
    }

    @Test
    void hintsStillQueuedMeanNotYet() throws Exception {
        copies = List.of(copy("node1", "YQ=="), copy("node2", "YQ=="), copy("node3", "YQ=="));
        hints = 3;

        Convergence.Result result = Convergence.await(nodes(), List.of("k"), Duration.ZERO);

        assertThat(result.difference()).isEqualTo("node1 still holds 3 hints");
    }

    /** One replica's copy, up to date by its clock, with one version holding {@code value} (none when null). */
    private static String copy(String node, String value) {
        String siblings = value == null ? "[]" : "[{\"dot\":{\"actor\":\"node1.a\",\"counter\":2},\"value\":\""
                + value + "\",\"contentType\":\"text/plain\",\"tombstone\":false,\"superseded\":false}]";
        return "{\"node\":\"" + node + "\",\"replica\":true,\"relation\":\"EQUAL\",\"relations\":{},\"clock\":"
                + CLOCK + ",\"siblings\":" + siblings + "}";
    }

    /** Three nodes whose API is the stand-in. */
    private List<MicroNode> nodes() {
        int port = server.getAddress().getPort();
        return IntStream.rangeClosed(1, 3).mapToObj(i -> new MicroNode("node" + i, "127.0.0.1", port, 0, work,
                List.of(), work.resolve("unused.war"))).toList();
    }
}
