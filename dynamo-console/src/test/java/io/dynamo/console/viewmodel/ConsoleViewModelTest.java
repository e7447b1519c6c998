package io.dynamo.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.HintsBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.PlanBody;
import io.dynamo.api.RingBody;
import io.dynamo.client.ConnectionState;
import io.dynamo.client.ConnectionStatus;
import io.dynamo.console.events.ClusterConnector;
import io.dynamo.console.events.ClusterEventListener;
import io.dynamo.console.service.ClusterService;
import io.dynamo.console.service.Credentials;
import io.dynamo.console.service.Failures;
import io.dynamo.console.task.SynchronousExecutor;
import io.dynamo.console.testing.FakeCluster;
import io.dynamo.console.testing.Recorded;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleViewModelTest {
    private final List<String> connects = new ArrayList<>();
    private final List<ClusterEventListener> listeners = new ArrayList<>();
    private final FakeCluster cluster = new FakeCluster();
    private final ClusterConnector connector = (node, credentials, listener) -> {
        connects.add(node + " " + credentials);
        listeners.add(listener);
        return new ClusterConnector.Connection() {
            @Override
            public ClusterService service() {
                return cluster;
            }

            @Override
            public void close() {
                connects.add("closed " + node);
            }
        };
    };
    private final ConsoleViewModel console = new ConsoleViewModel(connector, new SynchronousExecutor(), () -> 0L);

    @Test
    void connectsToTheNodeWithTheCredentialsAndFeedsTheViewsFromTheEvents() {
        console.urlProperty().set("127.0.0.1:28080");
        console.passwordProperty().set("s3cret");

        console.connect();
        ClusterEventListener events = listeners.get(0);
        events.connection(new ConnectionStatus(ConnectionState.CONNECTED, URI.create("http://127.0.0.1:28080/dynamo/api/v1/"), "live"));
        events.ring(Recorded.read("ring.json", RingBody.class));
        events.health(Recorded.read("nodes.json", NodesBody.class));
        events.hints(Recorded.read("hints-node1.json", HintsBody.class));

        assertThat(connects).containsExactly("http://127.0.0.1:28080/dynamo/api/v1/ Credentials[user=admin, password=***]");
        assertThat(console.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(console.stateTextProperty().get()).isEqualTo("Connected to 127.0.0.1:28080, live");
        assertThat(console.ringVersionProperty().get()).isEqualTo("ring v3");
        assertThat(console.ring().segments()).hasSize(256);
        assertThat(console.operations().members()).hasSize(3);
        assertThat(console.nodes().rows()).hasSize(3);
        assertThat(console.hints().queues()).hasSize(1);
    }

    @Test
    void showsReconnectingWhileTheStreamSwitchesNodes() {
        console.passwordProperty().set("s3cret");
        console.connect();

        listeners.get(0).connection(new ConnectionStatus(ConnectionState.RECONNECTING,
                URI.create("http://127.0.0.1:8080/dynamo/api/v1/"), "The event stream of 127.0.0.1:8080 ended."
                + " Switching to 127.0.0.1:8081."));

        assertThat(console.stateProperty().get()).isEqualTo(ConnectionState.RECONNECTING);
        assertThat(console.stateTextProperty().get()).endsWith("Switching to 127.0.0.1:8081.");
    }

    @Test
    void refusedCredentialsSayWhichToUse() {
        console.passwordProperty().set("wrong");
        console.connect();

        listeners.get(0).connection(new ConnectionStatus(ConnectionState.REFUSED,
                URI.create("http://127.0.0.1:8080/dynamo/api/v1/"),
                Failures.explain(FakeCluster.status(401, "unauthorized", "wrong password"))));

        assertThat(console.stateTextProperty().get()).isEqualTo("Credentials refused by 127.0.0.1:8080");
        assertThat(console.connectErrorProperty().get()).contains("admin user 'admin'").contains("data/credentials");
    }

    @Test
    void asksForAPasswordAndAValidUrlBeforeConnecting() {
        console.connect();
        assertThat(console.connectErrorProperty().get()).startsWith("Enter the password of the admin user 'admin'");

        console.passwordProperty().set("s3cret");
        console.urlProperty().set("ftp://somewhere");
        console.connect();
        assertThat(console.connectErrorProperty().get()).startsWith("'ftp://somewhere' is not a node URL");
        assertThat(connects).isEmpty();
    }

    @Test
    void aNewConnectionReplacesTheOldOneAndIgnoresItsLateEvents() {
        console.passwordProperty().set("s3cret");
        console.connect();
        console.urlProperty().set("http://127.0.0.1:8081");
        console.connect();

        listeners.get(0).ring(Recorded.read("ring.json", RingBody.class));

        assertThat(connects).containsExactly("http://127.0.0.1:8080/dynamo/api/v1/ " + new Credentials("admin", "s3cret"),
                "closed http://127.0.0.1:8080/dynamo/api/v1/",
                "http://127.0.0.1:8081/dynamo/api/v1/ " + new Credentials("admin", "s3cret"));
        assertThat(console.ring().segments()).isEmpty();
    }

    @Test
    void aPlanUnderReviewIsDrawnOverTheRing() {
        console.passwordProperty().set("s3cret");
        console.connect();
        listeners.get(0).ring(Recorded.read("ring.json", RingBody.class));

        console.operations().planProperty().set(Recorded.read("plan-leave-node3.json", PlanBody.class));

        assertThat(console.ring().segments().filtered(RingSegment::moving)).isNotEmpty()
                .allMatch(s -> s.owner().equals("node3"));
    }

    @Test
    void actionsBeforeConnectingSayHowToConnect() {
        console.siblings().keyProperty().set("k");
        console.siblings().lookUp();

        assertThat(console.siblings().errorProperty().get()).contains("not connected: enter a node's URL");
    }
}
