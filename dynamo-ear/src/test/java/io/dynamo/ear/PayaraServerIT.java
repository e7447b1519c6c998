package io.dynamo.ear;

import io.dynamo.jaxrs.system.Http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR on full Payara Server 6, as an operator installs it: a fresh domain from the unpacked distribution,
 * prepared with {@code config/payara-server-setup.txt} (loopback listeners, Payara's data grid off), the node's
 * settings as environment variables, {@code asadmin deploy}, then requests over HTTP.
 */
class PayaraServerIT {
    private static final String KV = "/dynamo/api/v1/kv/";
    private static PayaraServer server;
    private static URI base;

    @BeforeAll
    static void deploy() throws Exception {
        Path work = Path.of("target", "payara-server-it").toAbsolutePath();
        int portBase = freePortBase();
        int jgroupsPort = portBase + 90;
        server = new PayaraServer(Path.of(System.getProperty("dynamo.it.payaraHome")), work, portBase);
        server.createDomain();
        server.start(Path.of(System.getProperty("dynamo.it.setup")), Map.ofEntries(
                Map.entry("DYNAMO_NODE_ID", "server-1"),
                Map.entry("DYNAMO_DATA_DIR", work.resolve("data").toString()),
                Map.entry("DYNAMO_BOOTSTRAP", "true"),
                Map.entry("DYNAMO_N", "1"), Map.entry("DYNAMO_R", "1"), Map.entry("DYNAMO_W", "1"),
                Map.entry("DYNAMO_Q", "16"),
                Map.entry("DYNAMO_HTTP_ADDRESS", "127.0.0.1:" + server.httpPort()),
                Map.entry("DYNAMO_JGROUPS_BIND_ADDRESS", "127.0.0.1"),
                Map.entry("DYNAMO_JGROUPS_PORT", String.valueOf(jgroupsPort)),
                Map.entry("DYNAMO_JGROUPS_INITIAL_HOSTS", "127.0.0.1[" + jgroupsPort + "]")));
        server.deploy(Path.of(System.getProperty("dynamo.it.ear")));
        base = URI.create("http://127.0.0.1:" + server.httpPort());
        server.awaitReady(base.resolve("/health/ready"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void putThenGetReturnsTheValueWithItsContext() {
        HttpResponse<String> put = Http.put(base.resolve(KV + "user%3A1"), "alice", null);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
        String context = put.headers().firstValue("X-Dynamo-Context").orElseThrow();

        HttpResponse<String> get = Http.get(base.resolve(KV + "user%3A1"));
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("alice");
        assertThat(get.headers().firstValue("X-Dynamo-Context")).contains(context);
    }

    @Test
    void aWriteWithTheContextReplacesTheValueAndAStaleOneMakesSiblings() {
        String context = Http.put(base.resolve(KV + "colour"), "red", null).headers()
                .firstValue("X-Dynamo-Context").orElseThrow();
        assertThat(Http.put(base.resolve(KV + "colour"), "blue", context).statusCode()).isEqualTo(204);
        assertThat(Http.put(base.resolve(KV + "colour"), "green", context).statusCode()).isEqualTo(204);

        HttpResponse<String> get = Http.get(base.resolve(KV + "colour"));
        assertThat(get.statusCode()).isEqualTo(300);
        assertThat(get.body()).contains("Ymx1ZQ==", "Z3JlZW4=").doesNotContain("cmVk");
    }

    @Test
    void deleteWithTheContextLeavesTheKeyMissing() {
        String context = Http.put(base.resolve(KV + "gone"), "x", null).headers()
                .firstValue("X-Dynamo-Context").orElseThrow();
        assertThat(Http.delete(base.resolve(KV + "gone"), context).statusCode()).isEqualTo(204);
        HttpResponse<String> get = Http.get(base.resolve(KV + "gone"));
        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(get.body()).contains("\"error\"");
    }

    @Test
    void badInputIsAJsonErrorFromTheApplicationNotTheServer() {
        HttpResponse<String> badKey = Http.get(base.resolve(KV + "%FF"));
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(badKey.body()).contains("\"error\":\"invalid_key\"");

        HttpResponse<String> badQuorum = Http.get(base.resolve(KV + "k?r=0"));
        assertThat(badQuorum.statusCode()).isEqualTo(400);
        assertThat(badQuorum.body()).contains("\"error\"");
    }

    @Test
    void theAdminApiAndHealthAnswerOnTheServer() {
        HttpResponse<String> ring = Http.get(base.resolve("/dynamo/api/v1/admin/ring"));
        assertThat(ring.statusCode()).isEqualTo(200);
        assertThat(ring.body()).contains("\"answeredBy\":\"server-1\"", "\"partitions\":16");
        assertThat(Http.get(base.resolve("/health/live")).statusCode()).isEqualTo(200);
    }

    @Test
    void everyListenerOfTheServerIsOnLoopback() throws IOException {
        assertThat(server.listeningAddresses()).isNotEmpty()
                .allSatisfy(listener -> assertThat(listener.getAddress().isLoopbackAddress()).as(listener.toString())
                        .isTrue());
    }

    /** A base such that the ~100 ports Payara derives from it (and JGroups' two) are all free on this machine. */
    private static int freePortBase() throws IOException {
        for (int candidate = 30000; candidate < 60000; candidate += 1000) {
            if (allFree(candidate, List.of(9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86, 90, 190))) {
                return candidate;
            }
        }
        throw new IOException("no free port range for Payara Server between 30000 and 60000");
    }

    private static boolean allFree(int base, List<Integer> offsets) {
        for (int offset : offsets) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), base + offset));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
