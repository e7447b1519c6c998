package io.dynamo.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.jaxrs.fuzz.Credentials;
import io.dynamo.jaxrs.fuzz.EventStreamCases;
import io.dynamo.jaxrs.fuzz.ForgedContexts;
import io.dynamo.jaxrs.fuzz.FramingCases;
import io.dynamo.jaxrs.fuzz.Fuzz;
import io.dynamo.jaxrs.fuzz.FuzzRequests;
import io.dynamo.jaxrs.fuzz.FuzzTarget;
import io.dynamo.jaxrs.fuzz.KeyWatch;
import io.dynamo.jaxrs.fuzz.PathTricks;
import io.dynamo.jaxrs.fuzz.RawHttp;
import io.dynamo.jaxrs.fuzz.SlowClients;
import io.dynamo.jaxrs.system.MicroNode;
import io.dynamo.jaxrs.system.ThreeNodes;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Random and hostile requests, sent as raw bytes, against one node (the Arquillian one: no client role required,
 * N=1) and a cluster of three Payara Micro processes (N=2, so every node forwards the keys it does not hold; node1
 * and node2 require the client role, node3 has no admin user). Every answer must be one the API documents for that
 * request and those credentials ({@code fuzz.ApiOracle}): never a 5xx, a hang, or a success without the role the
 * path needs; a refused request must leave every key it addresses as it was ({@link KeyWatch}); no node may answer
 * a 500 to anyone. Afterwards every node is still ready and the keys written before are intact.
 *
 * <p>The seed is {@code -Ddynamo.fuzz.seed} (fixed by default, so CI runs the same requests), the number of random
 * requests per run {@code -Ddynamo.fuzz.requests}; docs/reliability.md gives the command for a longer random run.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HttpFuzzIT {
    static final long SEED = Long.getLong("dynamo.fuzz.seed", 20261122L);
    static final int REQUESTS = Integer.getInteger("dynamo.fuzz.requests", 600);
    private static final String CLIENT_PASSWORD = "fuzz-client-password";
    private static final int VALUE_LIMIT = 1024;
    private static ThreeNodes cluster;
    private static List<FuzzTarget> clusterNodes;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ApiClient.builtWar();
    }

    @ArquillianResource
    URL deployed;

    @BeforeAll
    static void startCluster() throws Exception {
        List<String> shared = List.of("-Ddynamo.n=2", "-Ddynamo.max.value.bytes=" + VALUE_LIMIT,
                "-Ddynamo.security.client.password=" + CLIENT_PASSWORD);
        // node1 and node2 run with the default, the client user required. An empty password is no password: node3
        // has no admin user, and it serves the key-value API to anyone, as an explicit setting allows
        // (docs/security.md).
        List<String> openAndNoAdmin = List.of("-Ddynamo.security.admin.password=",
                "-Ddynamo.security.client.required=false");
        cluster = ThreeNodes.start("fuzz", List.of("127.0.0.1", "127.0.0.1", "127.0.0.1"), shared,
                List.of(List.of(), List.of(), openAndNoAdmin));
        clusterNodes = new ArrayList<>();
        for (MicroNode node : cluster.nodes) {
            boolean third = clusterNodes.size() == 2;
            clusterNodes.add(new FuzzTarget(node.name, new RawHttp(node.host, node.httpPort), !third, !third, 2,
                    VALUE_LIMIT, MicroNode.ADMIN_PASSWORD, CLIENT_PASSWORD));
        }
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        if (cluster != null) {
            cluster.stop();
        }
    }

    private FuzzTarget single;
    private final Map<FuzzTarget, Long> internalErrors = new LinkedHashMap<>();

    @BeforeEach
    void countInternalErrors() {
        single = new FuzzTarget("it-node", new RawHttp(deployed.getPort()), true, true, 1, VALUE_LIMIT,
                ApiClient.ADMIN_PASSWORD, ApiClient.CLIENT_PASSWORD);
        internalErrors.put(single, single.internalErrors());
        clusterNodes.forEach(node -> internalErrors.put(node, node.internalErrors()));
    }

    /** No 500 on any node, including those no client saw (a client that went away, the listener's own answer). */
    @AfterEach
    void noInternalErrors() {
        internalErrors.forEach((node, before) -> assertThat(node.internalErrors())
                .as("500 answers of %s during the test", node).isEqualTo(before));
    }

    private FuzzTarget single() {
        return single;
    }

    @Test
    void randomRequestsToOneNodeGetDocumentedAnswersAndRefusedOnesStoreNothing() {
        FuzzTarget node = single();
        Fuzz fuzz = new Fuzz(List.of(node), node, SEED);
        Map<String, String> sentinels = fuzz.writeSentinels();
        fuzz.createNamespaces();

        List<String> failures = fuzz.run(REQUESTS);

        assertThat(failures).as("requests answered wrongly (seed %d)", SEED).isEmpty();
        fuzz.assertIntact(sentinels);
    }

    @Test
    void randomRequestsThroughTheClusterGetDocumentedAnswersWhileSlowClientsHoldConnections() throws Exception {
        Fuzz fuzz = new Fuzz(clusterNodes, clusterNodes.get(0), SEED + 1);
        Map<String, String> sentinels = fuzz.writeSentinels();
        fuzz.createNamespaces();
        SlowClients slow = SlowClients.start(clusterNodes, fuzz.watch());

        List<String> failures = fuzz.run(REQUESTS);
        List<String> slowFailures = slow.finish();

        assertThat(failures).as("requests answered wrongly (seed %d)", SEED + 1).isEmpty();
        assertThat(slowFailures).as("slow clients").isEmpty();
        assertThat(fuzz.slowestMillis()).as("the slowest answer while slow clients were connected")
                .isLessThan(Duration.ofSeconds(10).toMillis());
        fuzz.assertIntact(sentinels);
    }

    @Test
    void noPathTrickReachesAnEndpointWithoutTheRoleItNeeds() {
        List<String> failures = new ArrayList<>();
        FuzzTarget open = clusterNodes.get(2); // the key-value API open to anyone, and no admin user
        FuzzTarget closed = clusterNodes.get(0);
        KeyWatch watch = new KeyWatch(closed);
        int sent = 0;
        for (String[] request : PathTricks.PROTECTED) {
            for (String target : PathTricks.variants(request[1])) {
                failures.addAll(PathTricks.check(open, request[0], target, Credentials.NONE, null));
                failures.addAll(PathTricks.check(open, request[0], target, Credentials.client(open), null));
                failures.addAll(PathTricks.check(closed, request[0], target, Credentials.NONE, watch));
                failures.addAll(PathTricks.check(closed, request[0], target, Credentials.client(closed), watch));
                sent += 4;
            }
        }
        System.out.printf("path tricks: %d requests, %d answered wrongly%n", sent, failures.size());
        assertThat(failures).isEmpty();
    }

    @Test
    void theAdminApiSwitchedOffAnswersAdminDisabledToEveryone() {
        FuzzTarget node3 = clusterNodes.get(2);
        List<String> failures = new ArrayList<>();
        for (String[] request : PathTricks.ADMIN_REQUESTS) {
            for (Credentials credentials : List.of(Credentials.NONE, Credentials.admin(node3),
                    Credentials.client(node3))) {
                RawHttp.Answer answer = node3.http().sendExactly(FuzzRequests.request(request[0],
                        "/dynamo/api/v1/" + request[1], "Content-Type: application/json\r\n", new byte[0],
                        credentials).bytes());
                if (answer.status() != 403 || !answer.body().contains("\"error\":\"admin_disabled\"")) {
                    failures.add(request[0] + " " + request[1] + " with " + credentials + " -> " + answer);
                }
            }
        }
        assertThat(failures).isEmpty();
        for (String read : List.of("admin/ring", "admin/nodes")) {
            assertThat(node3.http().sendExactly(FuzzRequests.request("GET", "/dynamo/api/v1/" + read, "",
                    new byte[0], Credentials.NONE).bytes()).status()).as("routing read %s", read).isEqualTo(200);
        }
    }

    @Test
    void chunkedAndConflictingFramingIsReadOneWayOrRefusedAndNothingIsSmuggled() {
        assertThat(FramingCases.check(clusterNodes.get(0))).isEmpty();
    }

    @Test
    void oversizedHeadsAreRefusedByTheListenerAndStoreNothing() {
        assertThat(FramingCases.oversized(single())).isEmpty();
    }

    @Test
    void contextsThatDecodeButClaimTooMuchAreRefusedOrHarmlessThroughEveryNode() {
        assertThat(ForgedContexts.check(clusterNodes, new KeyWatch(clusterNodes.get(0)))).isEmpty();
    }

    @Test
    void theEventStreamAnswersHostileRequestsAndKeepsServing() {
        assertThat(EventStreamCases.check(single())).isEmpty();
        assertThat(EventStreamCases.check(clusterNodes.get(0))).isEmpty();
    }
}
