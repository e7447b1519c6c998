package io.dynamo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestFloorTest {
    private static final String CREDENTIALS = "Basic " + Base64.getEncoder().encodeToString(
            "admin:secret".getBytes(StandardCharsets.UTF_8));
    private final List<HttpServer> servers = new ArrayList<>();

    /** A node stand-in answering GET /dynamo/api/v1/admin/limits: 200 with the right credentials, else 401. */
    private URI node(AtomicInteger answered) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/dynamo/api/v1/admin/limits", exchange -> {
            boolean allowed = CREDENTIALS.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    && exchange.getRequestMethod().equals("GET");
            byte[] body = (allowed ? "{\"maxValueBytes\":1048576}" : "{\"error\":\"unauthorized\"}")
                    .getBytes(StandardCharsets.UTF_8);
            if (allowed) {
                answered.incrementAndGet();
            }
            exchange.sendResponseHeaders(allowed ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dynamo/api/v1/");
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void countsOnlyTheRequestsOfTheWindowAndSpreadsThemOverTheNodes() throws Exception {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        List<URI> nodes = List.of(node(first), node(second));

        RequestFloor.Result r = RequestFloor.measure(nodes, "admin/limits", "admin", "secret", 2, Duration.ofMillis(300),
                Duration.ofMillis(700), Duration.ofMillis(300));

        assertThat(r.failure()).isNull();
        assertThat(first.get()).isPositive();
        assertThat(second.get()).isPositive();
        long counted = r.latencies().getTotalCount();
        assertThat(counted).isPositive().isLessThan(first.get() + second.get()); // warm-up's and linger's left out
        assertThat(r.perSecond()).isEqualTo(counted / 0.7, Offset.offset(0.01));
    }

    @Test
    void stopsAtTheFirstRefusedRequestAndSaysWhich() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        URI base = node(answered);

        RequestFloor.Result r = RequestFloor.measure(List.of(base), "admin/limits", "admin", "wrong", 2, Duration.ZERO,
                Duration.ofSeconds(30), Duration.ZERO);

        assertThat(r.failure()).startsWith("GET " + base + "admin/limits answered 401: ")
                .contains("unauthorized");
        assertThat(answered.get()).isZero();
    }
}
