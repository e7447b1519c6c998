package io.dynamo.console.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.console.events.ClientClusterConnector;
import io.dynamo.console.task.FxBackgroundExecutor;
import io.dynamo.console.view.ConsoleWindow;
import io.dynamo.console.viewmodel.ConsoleViewModel;
import io.dynamo.console.viewmodel.NodeMetricsRow;
import io.dynamo.console.viewmodel.NodeRow;
import io.dynamo.console.viewmodel.Reachability;
import io.dynamo.console.viewmodel.ReplicaCopy;
import io.dynamo.console.viewmodel.SiblingItem;
import io.dynamo.jaxrs.system.Http;
import io.dynamo.jaxrs.system.LoopbackPorts;
import io.dynamo.jaxrs.system.MicroNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console against a real node: one Payara Micro process running the built WAR, bootstrapped as a ring of its
 * own (Q=8, N=R=W=1), shared by every test here.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleNodeIT {
    private static MicroNode node;
    private ConsoleViewModel model;
    private FxBackgroundExecutor executor;

    @BeforeAll
    static void startNode() throws Exception {
        Path work = Path.of(System.getProperty("dynamo.it.work", "target/it-work"))
                .resolve(String.valueOf(System.currentTimeMillis()));
        List<Integer> ports = LoopbackPorts.free(2);
        node = new MicroNode("console1", ports.get(0), ports.get(1), work,
                List.of("-Ddynamo.q=8", "-Ddynamo.n=1", "-Ddynamo.r=1", "-Ddynamo.w=1"));
        node.start(true, "127.0.0.1[" + node.jgroupsPort + "]");
        node.await("ready", Duration.ofMinutes(4));
    }

    @AfterAll
    static void stopNode() throws InterruptedException {
        if (node != null) {
            node.stop();
        }
    }


    @Start
    void start(Stage stage) {
        executor = new FxBackgroundExecutor();
        model = new ConsoleViewModel(new ClientClusterConnector(Duration.ofMillis(500)), executor,
                System::currentTimeMillis);
        stage.setScene(ConsoleWindow.scene(model));
        stage.show();
    }

    @AfterEach
    void close() {
        model.close();
        executor.close();
    }

    private void connect(FxRobot robot, String password) {
        robot.clickOn("#url").push(KeyCode.CONTROL, KeyCode.A).write("http://127.0.0.1:" + node.httpPort);
        robot.clickOn("#password").write(password);
        robot.clickOn("#connect");
    }

    private static void waitFor(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("not within 60 s: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void showsTheLiveNodeAndResolvesSiblingsThroughTheKvApi(FxRobot robot) {
        connect(robot, MicroNode.ADMIN_PASSWORD);

        waitFor("the live stream", () -> text(robot, "#state").startsWith("Connected to 127.0.0.1:" + node.httpPort));
        waitFor("the ring", () -> text(robot, "#ringSummary").startsWith("Ring v"));
        assertThat(text(robot, "#ringSummary")).contains("8 partitions, N=1, R=1, W=1, 1 members");

        robot.clickOn("Nodes");
        TableView<NodeRow> nodes = robot.lookup("#nodesTable").queryAs(TableView.class);
        waitFor("the node", () -> !nodes.getItems().isEmpty());
        assertThat(nodes.getItems().get(0)).extracting(NodeRow::node, NodeRow::health, NodeRow::partitions)
                .containsExactly("console1", Reachability.UP, 8);

        URI key = node.api().resolve("kv/console:siblings");
        Http.put(key, "blue", null);
        Http.put(key, "green", null);
        robot.clickOn("Siblings");
        robot.clickOn("#siblingsKey").write("console:siblings");
        robot.clickOn("#siblingsLookUp");
        ListView<SiblingItem> merged = robot.lookup("#merged").queryAs(ListView.class);
        waitFor("two siblings", () -> merged.getItems().size() == 2);
        ListView<ReplicaCopy> copies = robot.lookup("#copies").queryAs(ListView.class);
        assertThat(copies.getItems()).extracting(ReplicaCopy::node).containsExactly("console1");
        assertThat(merged.getItems()).extracting(SiblingItem::value).containsExactlyInAnyOrder("blue", "green");

        robot.clickOn(robot.lookup("#merged .list-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#resolution").push(KeyCode.CONTROL, KeyCode.A).write("blue and green");
        robot.clickOn("#writeBack");

        waitFor("the resolution", () -> merged.getItems().size() == 1);
        assertThat(merged.getItems().get(0).value()).isEqualTo("blue and green");
        assertThat(Http.get(key).statusCode()).isEqualTo(200);
        assertThat(Http.get(key).body()).isEqualTo("blue and green");
    }

    @Test
    void plansAJoinAndReportsWhatTheNodeRefuses(FxRobot robot) {
        connect(robot, MicroNode.ADMIN_PASSWORD);
        waitFor("the ring", () -> text(robot, "#statusRing").startsWith("ring v"));
        robot.clickOn("Operations");
        robot.clickOn("#joinNode").write("console2");
        robot.clickOn("#planJoin");

        waitFor("the plan", () -> text(robot, "#planSummary").startsWith("Plan: join console2 with weight 1. 4"
                + " partitions would move"));
        robot.clickOn("#cancel");
        waitFor("the plan dropped", () -> text(robot, "#operationsMessage").equals("Plan dropped; nothing changed."));

        robot.clickOn("#runExchange");
        waitFor("the refusal", () -> !text(robot, "#operationsError").isEmpty());
        assertThat(text(robot, "#operationsError")).contains("409 exchange_not_possible");
    }

    @Test
    void chartsTheNodesRequestsFromItsCountersAndShowsItsOwnRowOfTheHealthMatrix(FxRobot robot) {
        connect(robot, MicroNode.ADMIN_PASSWORD);
        waitFor("the live stream", () -> text(robot, "#state").startsWith("Connected"));
        robot.clickOn("Metrics");
        TableView<NodeMetricsRow> rows = robot.lookup("#metricsTable").queryAs(TableView.class);
        waitFor("the node's first counters", () -> !rows.getItems().isEmpty());

        for (int i = 0; i < 20; i++) {
            Http.put(node.api().resolve("kv/console:metered-" + i), "v", null);
        }

        LineChart<?, ?> throughput = robot.lookup("#throughputChart").queryAs(LineChart.class);
        waitFor("a point with the puts", () -> throughput.getData().size() == 1 && throughput.getData().get(0)
                .getData().stream().anyMatch(d -> ((Number) d.getYValue()).doubleValue() > 0));
        assertThat(throughput.getData().get(0).getName()).isEqualTo("console1");
        assertThat(rows.getItems().get(0).putP99().value()).as("the node's put timer").isPositive();

        robot.clickOn("Health matrix");
        waitFor("the node's own row", () -> robot.lookup("#matrix-console1-console1").tryQueryAs(Label.class)
                .isPresent());
        assertThat(text(robot, "#matrix-console1-console1")).isEqualTo("self");
        assertThat(text(robot, "#matrixSummary")).startsWith("1 of 1 nodes reporting their view.");
    }

    @Test
    void aWrongPasswordIsRefusedWithTheUserToUse(FxRobot robot) {
        connect(robot, "not-the-password");

        waitFor("the refusal", () -> text(robot, "#state").startsWith("Credentials refused"));
        assertThat(text(robot, "#connectError")).contains("401 unauthorized").contains("admin user 'admin'");
    }
}
