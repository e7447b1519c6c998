package io.dynamo.client.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.dynamo.client.DynamoClient;
import io.dynamo.client.DynamoClientException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DynamoClientSettingsTest {
    private static DynamoClientSettings read(Map<String, String> settings) {
        return DynamoClientSettings.read(name -> Optional.ofNullable(settings.get(name)));
    }

    @Test
    void everySettingIsReadUnderDynamoClient() {
        DynamoClientSettings s = read(Map.of("dynamo.client.seeds", " http://a:8080/dynamo/api/v1/ ,http://b:8080/x/",
                "dynamo.client.user", "client", "dynamo.client.password", "secret",
                "dynamo.client.connect.timeout.ms", "1500", "dynamo.client.read.timeout.ms", "4000",
                "dynamo.client.async.threads", "8"));
        assertThat(s.seeds())
                .containsExactly(URI.create("http://a:8080/dynamo/api/v1/"), URI.create("http://b:8080/x/"));
        assertThat(s.user()).contains("client");
        assertThat(s.connectTimeout()).contains(Duration.ofMillis(1500));
        assertThat(s.readTimeout()).contains(Duration.ofSeconds(4));
        assertThat(s.asyncThreads()).hasValue(8);
        assertThat(s.toString()).doesNotContain("secret");

        DynamoClientSettings minimal = read(Map.of("dynamo.client.seeds", "http://a:8080/dynamo/api/v1/"));
        assertThat(minimal.user()).isEmpty();
        assertThat(minimal.readTimeout()).isEmpty();
        assertThat(minimal.asyncThreads()).isEmpty();
    }

    @Test
    void aMissingOrInvalidSettingIsNamed() {
        assertThatThrownBy(() -> read(Map.of())).hasMessageContaining("dynamo.client.seeds is missing");
        assertThatThrownBy(() -> read(Map.of("dynamo.client.seeds", " , "))).hasMessageContaining("names no URI");
        String seed = "http://a:8080/dynamo/api/v1/";
        assertThatThrownBy(() -> read(Map.of("dynamo.client.seeds", seed, "dynamo.client.user", "client")))
                .hasMessageContaining("set both or neither");
        assertThatThrownBy(() -> read(Map.of("dynamo.client.seeds", seed, "dynamo.client.read.timeout.ms", "2s")))
                .hasMessageContaining("dynamo.client.read.timeout.ms = '2s' is invalid");
        assertThatThrownBy(() -> read(Map.of("dynamo.client.seeds", seed, "dynamo.client.async.threads", "0")))
                .hasMessageContaining("dynamo.client.async.threads = 0 must be at least 1");
        assertThatThrownBy(() -> read(Map.of("dynamo.client.seeds", "http://a b/")))
                .hasMessageContaining("dynamo.client.seeds = 'http://a b/' is invalid");
    }

    @Test
    void theClientBuiltSendsItsCredentialsToItsSeeds() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"error\":\"forbidden\",\"detail\":\"no\"}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String seed = "http://127.0.0.1:" + server.getAddress().getPort() + "/dynamo/api/v1/";
        try (DynamoClient client = read(Map.of("dynamo.client.seeds", seed, "dynamo.client.user", "client",
                "dynamo.client.password", "secret")).builder().build()) {
            assertThat(client.knownNodes()).containsExactly(URI.create(seed));
            assertThatThrownBy(() -> client.get("k")).isInstanceOf(DynamoClientException.class);
        } finally {
            server.stop(0);
        }
        assertThat(authorizations).isNotEmpty().allMatch(a -> a.equals("Basic Y2xpZW50OnNlY3JldA=="));
    }
}
