package io.dynamo.console.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.HintsBody;
import io.dynamo.api.MetricsBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.RingBody;
import io.dynamo.api.TransfersBody;
import io.dynamo.client.ConnectionState;
import io.dynamo.client.ConnectionStatus;
import io.dynamo.client.DynamoClient;
import io.dynamo.console.testing.Eventually;
import io.dynamo.console.testing.Recorded;
import io.dynamo.console.testing.RecordedCluster;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event stream client against in-process nodes serving recorded admin answers. */
class ClusterEventsTest {
    private final Recording recording = new Recording();
    private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private RecordedCluster node() throws Exception {
        RecordedCluster node = new RecordedCluster().retry(50);
        closing.add(node);
        return node;
    }

    private ClusterEvents follow(RecordedCluster node, String password, Duration idleLimit) {
        return follow(node.uri(), password, idleLimit);
    }

    private ClusterEvents follow(URI node, String password, Duration idleLimit) {
        DynamoClient client = DynamoClient.builder().seed(ClientClusterConnector.apiBase(node))
                .credentials("admin", password).connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(1)).build();
        ClusterEvents events = new ClusterEvents(client, recording, Duration.ofMillis(50), idleLimit);
        closing.add(client);
        closing.add(events);
        events.start();
        return events;
    }

    private ClusterEvents follow(RecordedCluster node) {
        return follow(node, RecordedCluster.PASSWORD, Duration.ofSeconds(30));
    }

    @Test
    void receivesTheFullStateOnConnectThenEveryChange() throws Exception {
        RecordedCluster node = node();
        follow(node);

        Eventually.await("the state on connect", () -> recording.rings.size() == 1 && recording.health.size() == 1
                && !recording.hints.isEmpty());
        assertThat(recording.rings.get(0).owners()).hasSize(256);
        assertThat(recording.health.get(0).nodes()).extracting(n -> n.httpAddress())
                .contains(node.address());
        assertThat(recording.hints.get(0).queues().get(0).count()).isEqualTo(40);
        assertThat(recording.states()).contains(ConnectionState.CONNECTED);

        node.push("ring", Recorded.text("ring.json").replace("\"version\":3", "\"version\":4"));

        Eventually.await("the pushed ring", () -> recording.rings.size() == 2);
        assertThat(recording.rings.get(1).version()).isEqualTo(4);
    }

    @Test
    void reconnectsWhenTheStreamEndsAndGetsTheFullStateAgain() throws Exception {
        RecordedCluster node = node();
        follow(node);
        Eventually.await("connected", () -> recording.rings.size() == 1);

        node.dropStreams();

        Eventually.await("the state again after reconnecting", () -> recording.rings.size() == 2);
        assertThat(recording.states()).containsSubsequence(ConnectionState.CONNECTING, ConnectionState.CONNECTED,
                ConnectionState.RECONNECTING, ConnectionState.CONNECTED);
    }

    @Test
    void switchesToAnotherNodeWhenItsNodeGoesDown() throws Exception {
        RecordedCluster second = node();
        RecordedCluster first = node().peer(second.address());
        follow(first);
        Eventually.await("connected to the first node", () -> recording.health.size() == 1);

        first.close();

        Eventually.await("connected to the second node", Duration.ofSeconds(15),
                () -> recording.last().state() == ConnectionState.CONNECTED
                        && recording.last().node().getPort() == second.uri().getPort(),
                recording::toString);
        assertThat(recording.statuses).anySatisfy(s -> assertThat(s.message())
                .contains("Switching to " + second.address()));
        assertThat(recording.rings).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void followsTheHintsOfEveryNodeThatAnnouncedAnAddress() throws Exception {
        RecordedCluster second = node().answer("GET admin/hints", "hints-node2.json");
        RecordedCluster first = node().peer(second.address());
        follow(first);

        Eventually.await("hints of both nodes", () -> recording.hints.stream().map(HintsBody::answeredBy)
                .distinct().count() == 2);
        assertThat(second.requests()).contains("GET admin/events");
        assertThat(recording.rings.stream().map(RingBody::answeredBy)).containsOnly("node1");

        second.close();

        Eventually.await("node2's hints marked as not live", () -> recording.hintsLost.contains("node2"));
        assertThat(recording.hintsLost).doesNotContain("node1");
    }

    @Test
    void followsEveryNodesOwnViewOfTheOthersAndItsCounters() throws Exception {
        RecordedCluster second = node();
        RecordedCluster first = node().peer(second.address());
        follow(first);
        Eventually.await("node2's own stream", () -> second.openStreams() == 1);

        second.push("health", "{\"answeredBy\":\"node2\",\"ringVersion\":3,\"nodes\":[{\"node\":\"node3\","
                + "\"self\":false,\"member\":true,\"partitions\":85,\"health\":{\"reachability\":\"DOWN\","
                + "\"consecutiveFailures\":3}}]}");
        second.push("metrics", "{\"answeredBy\":\"node2\",\"atMillis\":5000,\"operations\":[{\"operation\":"
                + "\"get\",\"count\":7,\"totalMillis\":14.0,\"p99Millis\":3.5}]}");

        Eventually.await("node2's view and counters", () -> recording.observed.stream()
                .anyMatch(n -> n.answeredBy().equals("node2")) && !recording.metrics.isEmpty());
        NodesBody view = recording.observed.stream().filter(n -> n.answeredBy().equals("node2")).findFirst()
                .orElseThrow();
        assertThat(view.nodes().get(0).health().reachability()).isEqualTo("DOWN");
        assertThat(recording.metrics.get(0).operations().get(0).count()).isEqualTo(7);
        assertThat(recording.health).as("the main stream's health stays the cluster's, from node1")
                .extracting(NodesBody::answeredBy).doesNotContain("node2");
    }

    @Test
    void refusedCredentialsStopTheStreamWithAMessageNamingTheAdminUser() throws Exception {
        RecordedCluster node = node();
        follow(node, "wrong", Duration.ofSeconds(30));

        Eventually.await("refused", () -> recording.states().contains(ConnectionState.REFUSED));
        ConnectionStatus refused = recording.statuses.stream()
                .filter(s -> s.state() == ConnectionState.REFUSED).findFirst().orElseThrow();
        assertThat(refused.message()).contains("401 unauthorized").contains("admin user 'admin'");
        // refused: no second try (the client's ring fetch before it was refused too, and ignored)
        assertThat(node.requests()).filteredOn(r -> r.equals("GET admin/events")).hasSize(1);
    }

    @Test
    void aSilentStreamCountsAsBrokenAndIsReopened() throws Exception {
        RecordedCluster node = node();
        follow(node, RecordedCluster.PASSWORD, Duration.ofMillis(400));

        Eventually.await("a second connection", () -> node.requests().stream()
                .filter("GET admin/events"::equals).count() >= 3); // the main stream twice, or it and its hints
        Eventually.await("the state again", () -> recording.rings.size() >= 2);
    }

    @Test
    void aFrozenNodeThatAcceptsButNeverAnswersCountsAsDown() throws Exception {
        // a listening socket nobody accepts from: the kernel completes the handshake, no answer ever comes
        try (ServerSocket frozen = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            follow(URI.create("http://127.0.0.1:" + frozen.getLocalPort() + "/"), RecordedCluster.PASSWORD,
                    Duration.ofMillis(400));

            Eventually.await("given up on the frozen node", () -> recording.states()
                    .contains(ConnectionState.RECONNECTING));
            assertThat(recording.states()).doesNotContain(ConnectionState.CONNECTED);
            assertThat(recording.statuses.get(1).message()).startsWith("No node answered (127.0.0.1:"
                    + frozen.getLocalPort());
        }
    }

    /** Everything the stream reported, in order. */
    private static final class Recording implements ClusterEventListener {
        final List<RingBody> rings = new CopyOnWriteArrayList<>();
        final List<NodesBody> health = new CopyOnWriteArrayList<>();
        final List<HintsBody> hints = new CopyOnWriteArrayList<>();
        final List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
        final List<String> hintsLost = new CopyOnWriteArrayList<>();
        final List<TransfersBody> transfers = new CopyOnWriteArrayList<>();
        final List<NodesBody> observed = new CopyOnWriteArrayList<>();
        final List<MetricsBody> metrics = new CopyOnWriteArrayList<>();

        @Override
        public void observed(NodesBody nodes) {
            observed.add(nodes);
        }

        @Override
        public void metrics(MetricsBody body) {
            metrics.add(body);
        }

        @Override
        public void transfers(TransfersBody body) {
            transfers.add(body);
        }

        @Override
        public void hintsUnavailable(String holder) {
            hintsLost.add(holder);
        }

        @Override
        public void ring(RingBody ring) {
            rings.add(ring);
        }

        @Override
        public void health(NodesBody nodes) {
            health.add(nodes);
        }

        @Override
        public void hints(HintsBody body) {
            hints.add(body);
        }

        @Override
        public void connection(ConnectionStatus status) {
            statuses.add(status);
        }

        List<ConnectionState> states() {
            return statuses.stream().map(ConnectionStatus::state).toList();
        }

        ConnectionStatus last() {
            return statuses.isEmpty() ? new ConnectionStatus(ConnectionState.STOPPED, null, "") 
                    : statuses.get(statuses.size() - 1);
        }

        @Override
        public String toString() {
            return statuses.toString();
        }
    }
}
