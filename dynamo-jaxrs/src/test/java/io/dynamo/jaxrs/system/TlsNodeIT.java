package io.dynamo.jaxrs.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.client.DynamoClient;
import io.dynamo.client.DynamoClientException;
import io.dynamo.client.RouteEvent;
import io.dynamo.client.TrustStores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node serving the API over TLS, started with the commands of docs/security.md ("TLS at the node"): a keystore
 * with a self-signed certificate for 127.0.0.1 made by keytool, a trust store holding that certificate, the node's
 * TLS preboot commands (config/payara-tls-preboot.txt with its own port), config/payara-tls-postdeploy.txt and the
 * keystore's system properties in a java argument file. Over https it refuses the key-value API without credentials; the Java client that
 * trusts the certificate writes and reads through it, and one that does not gets no answer.
 */
class TlsNodeIT {
    private static final String KEYSTORE_PASSWORD = "tls-it-keystore-password";
    private static final String TRUST_PASSWORD = "tls-it-trust-password";
    private static Path work;
    private static MicroNode node;
    private static URI api;

    @BeforeAll
    static void startNode() throws Exception {
        work = Files.createTempDirectory(Path.of("target"), "tls-it-").toAbsolutePath();
        keytool("-genkeypair", "-alias", "dynamo", "-keyalg", "RSA", "-keysize", "2048", "-validity", "825",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", "node.p12", "-storepass", KEYSTORE_PASSWORD);
        keytool("-exportcert", "-alias", "dynamo", "-keystore", "node.p12", "-storepass", KEYSTORE_PASSWORD,
                "-rfc", "-file", "node.pem");
        keytool("-importcert", "-noprompt", "-alias", "dynamo", "-file", "node.pem", "-storetype", "PKCS12",
                "-keystore", "trust.p12", "-storepass", TRUST_PASSWORD);
        List<Integer> ports = ThreeNodes.freePorts(3);
        int httpsPort = ports.get(2);
        Path config = Path.of(System.getProperty("dynamo.it.preboot")).getParent();
        Path preboot = Files.writeString(work.resolve("tls-preboot.txt"), Files.readString(
                config.resolve("payara-tls-preboot.txt")).replace("port=8443", "port=" + httpsPort));
        // The keystore settings in a java argument file: its password does not show in the process list.
        Path keystoreArgs = Files.writeString(work.resolve("tls.args"), "-Djavax.net.ssl.keyStore="
                + work.resolve("node.p12") + "\n-Djavax.net.ssl.keyStorePassword=" + KEYSTORE_PASSWORD + "\n");
        node = new MicroNode("tls1", ports.get(0), ports.get(1), work, List.of("-Ddynamo.n=1", "-Ddynamo.r=1",
                "-Ddynamo.w=1", "-Ddynamo.http.address=127.0.0.1:" + httpsPort, "@" + keystoreArgs))
                .commands(preboot, config.resolve("payara-tls-postdeploy.txt"));
        node.start(true, "127.0.0.1[" + ports.get(1) + "]");
        node.await("ready", ThreeNodes.START);
        api = URI.create("https://127.0.0.1:" + httpsPort + "/dynamo/api/v1/");
        awaitTlsListener(URI.create("https://127.0.0.1:" + httpsPort + "/health/ready"));
    }

    /** The postdeploy commands open the TLS listener just after the plain one, which the node's readiness polls. */
    private static void awaitTlsListener(URI ready) throws InterruptedException {
        HttpClient https = HttpClient.newBuilder().sslContext(trusted()).connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (https.send(HttpRequest.newBuilder(ready).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the TLS listener did not answer " + ready + " within 60 s; see " + node.log());
    }

    @AfterAll
    static void stopNode() throws InterruptedException {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void overHttpsTheDataApiNeedsTheClientUser() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(trusted()).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> anonymous = https.send(HttpRequest.newBuilder(api.resolve("kv/tls-open")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(anonymous.body()).contains("\"error\":\"unauthorized\"");
    }

    @Test
    void theJavaClientTrustingTheCertificateWritesAndReadsOverHttps() {
        List<RouteEvent> events = new CopyOnWriteArrayList<>();
        try (DynamoClient dynamo = DynamoClient.builder().seed(api).sslContext(trusted())
                .credentials("client", MicroNode.CLIENT_PASSWORD).listener(events::add).build()) {
            dynamo.refreshRing();
            String context = dynamo.put("tls-key", null, "sealed".getBytes(StandardCharsets.UTF_8), "text/plain");

            assertThat(context).isNotEmpty();
            assertThat(dynamo.get("tls-key").value().orElseThrow().asString()).isEqualTo("sealed");
            // Routed by the ring, whose address for the node is its TLS port: the client stays on https.
            assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.node().toString()).startsWith(api.toString()));
            assertThat(events.get(events.size() - 1).nodeId()).isEqualTo("tls1");
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateGetsNoAnswer() {
        try (DynamoClient dynamo = DynamoClient.builder().seed(api).credentials("client", MicroNode.CLIENT_PASSWORD)
                .build()) {
            assertThatThrownBy(() -> dynamo.get("tls-key")).isInstanceOf(DynamoClientException.class)
                    .hasMessageContaining("SSLHandshakeException");
        }
    }

    private static SSLContext trusted() {
        return TrustStores.trusting(work.resolve("trust.p12"), TRUST_PASSWORD.toCharArray());
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("keytool.log").toFile())).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("keytool %s finished", args[0]).isTrue();
        assertThat(p.exitValue()).as("keytool %s; see %s", args[0], work.resolve("keytool.log")).isZero();
    }
}
