package io.dynamo.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.console.events.ClientClusterConnector;
import io.dynamo.console.task.FxBackgroundExecutor;
import io.dynamo.console.testing.Recorded;
import io.dynamo.console.testing.RecordedCluster;
import io.dynamo.console.viewmodel.ConsoleViewModel;
import io.dynamo.console.viewmodel.HintQueueRow;
import io.dynamo.console.viewmodel.TransferRow;
import io.dynamo.console.viewmodel.MoveRow;
import io.dynamo.console.viewmodel.NodeMetricsRow;
import io.dynamo.console.viewmodel.NodeRow;
import io.dynamo.console.viewmodel.PlacementRow;
import io.dynamo.console.viewmodel.Reachability;
import io.dynamo.console.viewmodel.ReplicaCopy;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real scenes, headless on Monocle, against an in-process node serving recorded answers. */
@ExtendWith(ApplicationExtension.class)
class ConsoleSceneTest {
    private RecordedCluster node;
    private ConsoleViewModel model;
    private FxBackgroundExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        node = new RecordedCluster().retry(100);
        executor = new FxBackgroundExecutor();
        model = new ConsoleViewModel(new ClientClusterConnector(Duration.ofMillis(100)), executor,
                System::currentTimeMillis);
        stage.setScene(ConsoleWindow.scene(model));
        stage.show();
    }

    @AfterEach
    void stop() {
        model.close();
        executor.close();
        node.close();
    }

    private void connect(FxRobot robot, String password) {
        connect(robot, node, password);
    }

    private static void connect(FxRobot robot, RecordedCluster to, String password) {
        robot.clickOn("#url").push(KeyCode.CONTROL, KeyCode.A).write(to.uri().toString());
        robot.clickOn("#password").write(password);
        robot.clickOn("#connect");
    }

    private static void waitFor(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("not within 15 s: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    @Test
    void connectsAndShowsTheRingWithAKeysPreferenceList(FxRobot robot) {
        connect(robot, RecordedCluster.PASSWORD);

        waitFor("the live connection", () -> text(robot, "#state").startsWith("Connected to " + node.address()));
        waitFor("the ring", () -> text(robot, "#statusRing").equals("ring v3"));
        assertThat(text(robot, "#ringSummary")).startsWith("Ring v3: 256 partitions, N=3, R=2, W=2, 3 members");
        assertThat(robot.lookup("#legend").queryAs(ListView.class).getItems()).hasSize(3);
        assertThat(robot.lookup("#ringCanvas").queryAs(RingCanvas.class).getSegments()).hasSize(256);

        long streams = node.requests().stream().filter("GET admin/events"::equals).count();
        robot.clickOn("#ringKey").write("order:1").type(KeyCode.ENTER); // Enter looks up; it does not reconnect

        TableView<PlacementRow> placement = table(robot, "#placement");
        waitFor("the preference list", () -> placement.getItems().size() == 3);
        assertThat(placement.getItems()).extracting(PlacementRow::node).containsExactly("node1", "node3", "node2");
        assertThat(placement.getItems().get(1).health()).isEqualTo(Reachability.DOWN);
        assertThat(text(robot, "#keySummary")).contains("partition 214");
        assertThat(node.requests()).contains("GET admin/ring/key/order%3A1");
        assertThat(node.requests().stream().filter("GET admin/events"::equals).count()).isEqualTo(streams);
    }

    @Test
    void switchesToAnotherNodeWhenTheFirstGoesDownAndSaysSo(FxRobot robot) throws Exception {
        RecordedCluster first = new RecordedCluster().retry(100).peer(node.address());
        connect(robot, first, RecordedCluster.PASSWORD);
        waitFor("connected to the first node", () -> text(robot, "#statusNode").equals("node " + first.address())
                && text(robot, "#state").startsWith("Connected"));

        first.close();

        waitFor("connected to the other node", () -> text(robot, "#statusNode").equals("node " + node.address())
                && text(robot, "#state").startsWith("Connected"));
        assertThat(robot.lookup("#stateLight").queryAs(Node.class).getStyleClass()).contains("state-connected");
        robot.clickOn("#ringKey").write("k");
        robot.clickOn("#ringLookUp");
        waitFor("a request answered by the other node", () -> node.requests().contains("GET admin/ring/key/k"));
    }

    @Test
    void wrongCredentialsAreShownWithTheUserToUse(FxRobot robot) {
        connect(robot, "not-the-password");

        waitFor("the refusal", () -> text(robot, "#state").startsWith("Credentials refused"));
        assertThat(text(robot, "#connectError")).contains("401 unauthorized").contains("admin user 'admin'");
        assertThat(text(robot, "#connectError")).doesNotContain("not-the-password");
    }

    @Test
    void nodesAreColourCodedAndSortable(FxRobot robot) {
        node.answer("GET admin/nodes", "nodes-node3-down.json");
        connect(robot, RecordedCluster.PASSWORD);
        robot.clickOn("Nodes");

        TableView<NodeRow> nodes = table(robot, "#nodesTable");
        waitFor("three nodes", () -> nodes.getItems().size() == 3);
        assertThat(text(robot, "#nodesSummary")).startsWith("3 nodes: 2 up, 0 suspect, 1 down");
        assertThat(robot.lookup(".row-down").queryAll()).hasSize(1);
        assertThat(robot.lookup(".health-down").queryAs(Node.class)).isNotNull();

        robot.clickOn("Missed requests");
        robot.clickOn("Missed requests"); // descending: the node that missed most first
        waitFor("sorted", () -> nodes.getItems().get(0).node().equals("node3"));
    }

    @Test
    void hintQueuesAndTheirChart(FxRobot robot) {
        connect(robot, RecordedCluster.PASSWORD);
        robot.clickOn("Hinted handoff");

        TableView<HintQueueRow> queues = table(robot, "#hintQueues");
        waitFor("the queue", () -> queues.getItems().size() == 1);
        assertThat(queues.getItems().get(0)).extracting(HintQueueRow::holder, HintQueueRow::target,
                HintQueueRow::count).containsExactly("node1", "node3", 40L);
        assertThat(text(robot, "#hintsSummary")).startsWith("40 hints waiting in 1 queue(s)");

        node.push("hints", "{\"answeredBy\":\"node1\",\"count\":0,\"bytes\":0,\"delivered\":40,\"queues\":[]}");

        waitFor("the queue drained", () -> queues.getItems().isEmpty());
        javafx.scene.chart.LineChart<?, ?> chart = robot.lookup("#hintChart").queryAs(javafx.scene.chart.LineChart.class);
        assertThat(chart.getData()).hasSize(1);
        assertThat(chart.getData().get(0).getData()).last().extracting(d -> d.getYValue()).isEqualTo(0L);
    }

    @Test
    void transfersOfEachNodeShowTheirProgressLive(FxRobot robot) {
        connect(robot, RecordedCluster.PASSWORD);
        robot.clickOn("Transfers");
        TableView<TransferRow> transfers = table(robot, "#transfers");

        node.push("transfers", "{\"answeredBy\":\"node1\",\"idle\":false,\"transfers\":[{\"partition\":7,"
                + "\"ringVersion\":4,\"targets\":[\"node4\"],\"drop\":true,\"status\":\"RUNNING\",\"keysSent\":2400,"
                + "\"keysDropped\":0,\"keysRetained\":0,\"batches\":12,\"passes\":0,\"failures\":0,"
                + "\"updatedMillis\":0,\"bytesSent\":2519040,\"passKeys\":9800,\"passKeysDone\":2400,"
                + "\"keysPerSecond\":800.0,\"bytesPerSecond\":839680.0,\"millisLeft\":9250}]}");

        waitFor("the transfer", () -> transfers.getItems().size() == 1);
        assertThat(transfers.getItems().get(0)).extracting(TransferRow::source, TransferRow::partition,
                TransferRow::pass).containsExactly("node1", 7, "2,400 / 9,800");
        assertThat(text(robot, "#transfersSummary")).startsWith("1 partition transfer(s) under way, 1 running");
    }

    @Test
    void theHealthMatrixShowsWhichNodeSeesWhichAsUpLive(FxRobot robot) {
        connect(robot, RecordedCluster.PASSWORD);
        robot.clickOn("Health matrix");
        waitFor("node1's row", () -> robot.lookup("#matrix-node1-node3").tryQueryAs(Label.class).isPresent());
        assertThat(text(robot, "#matrix-node1-node1")).isEqualTo("self");
        assertThat(text(robot, "#matrix-node1-node3")).isEqualTo("up");
        assertThat(robot.lookup("#matrix-node1-node3").queryAs(Label.class).getStyleClass()).contains("health-up");

        node.push("health", node.localize(Recorded.text("nodes-node3-down.json")));
        node.push("health", node.localize(Recorded.text("nodes.json")).replace("\"answeredBy\":\"node1\"",
                "\"answeredBy\":\"node2\"").replaceFirst("\"reachability\":\"UP\",\"lastContactMillis\":"
                + "1796557638130", "\"reachability\":\"SUSPECT\",\"lastContactMillis\":1796557638130"));

        waitFor("node1 sees node3 down", () -> text(robot, "#matrix-node1-node3").equals("down")
                && robot.lookup("#matrix-node2-node3").tryQueryAs(Label.class).isPresent());
        assertThat(robot.lookup("#matrix-node1-node3").queryAs(Label.class).getStyleClass()).contains("health-down");
        assertThat(text(robot, "#matrix-node2-node3")).isEqualTo("suspect");
        assertThat(robot.lookup("#matrix-node2-node3").queryAs(Label.class).getStyleClass())
                .contains("health-suspect");
        assertThat(text(robot, "#matrix-node2-node1")).isEqualTo("up");
        assertThat(text(robot, "#matrixSummary")).isEqualTo("2 of 3 nodes reporting their view. node1 sees node3"
                + " down; node2 sees node3 suspect.");
    }

    @Test
    void theMetricsViewChartsEachNodesThroughputAndLatency(FxRobot robot) {
        connect(robot, RecordedCluster.PASSWORD);
        waitFor("connected", () -> text(robot, "#state").startsWith("Connected"));
        robot.clickOn("Metrics");
        TableView<NodeMetricsRow> rows = table(robot, "#metricsTable");

        node.push("metrics", counters(10_000, 100, 200.0));
        waitFor("node1's first counters", () -> rows.getItems().size() == 1);
        node.push("metrics", counters(15_000, 400, 800.0));

        javafx.scene.chart.LineChart<?, ?> throughput = robot.lookup("#throughputChart")
                .queryAs(javafx.scene.chart.LineChart.class);
        javafx.scene.chart.LineChart<?, ?> latency = robot.lookup("#latencyChart")
                .queryAs(javafx.scene.chart.LineChart.class);
        waitFor("a point", () -> throughput.getData().size() == 1 && !throughput.getData().get(0).getData().isEmpty());
        assertThat(throughput.getData().get(0).getName()).isEqualTo("node1");
        assertThat(throughput.getData().get(0).getData()).singleElement().extracting(d -> d.getYValue())
                .as("300 requests in 5 s").isEqualTo(60.0);
        assertThat(latency.getData().get(0).getData()).singleElement().extracting(d -> d.getYValue())
                .as("600 ms more over 300 requests").isEqualTo(2.0);
        assertThat(rows.getItems().get(0).requestsPerSecond()).hasToString("60.0/s");
        assertThat(rows.getItems().get(0).getP99()).hasToString("4.0 ms");
        assertThat(text(robot, "#metricsSummary")).startsWith("60.0 requests per second across 1 node(s)");
    }

    private static String counters(long atMillis, long gets, double getMillis) {
        return "{\"answeredBy\":\"node1\",\"atMillis\":" + atMillis + ",\"operations\":[{\"operation\":\"get\","
                + "\"count\":" + gets + ",\"totalMillis\":" + getMillis + ",\"p99Millis\":4.0},{\"operation\":"
                + "\"put\",\"count\":0,\"totalMillis\":0.0,\"p99Millis\":0.0}]}";
    }

    @Test
    void resolvesSiblingsByPickingOneAndWritingItBack(FxRobot robot) {
        connect(robot, RecordedCluster.PASSWORD);
        waitFor("connected", () -> text(robot, "#state").startsWith("Connected"));
        robot.clickOn("Siblings");
        robot.clickOn("#siblingsKey").write("cart:alice");
        robot.clickOn("#siblingsLookUp");

        ListView<ReplicaCopy> copies = robot.lookup("#copies").queryAs(ListView.class);
        waitFor("three copies", () -> copies.getItems().size() == 3);
        assertThat(text(robot, "#siblingsSummary")).contains("2 version(s)").contains("concurrent siblings");
        robot.clickOn(robot.lookup("#merged .list-cell").nth(1).queryAs(Node.class));
        assertThat(robot.lookup("#resolution").queryAs(TextArea.class).getText()).isEqualTo("green");
        robot.clickOn("#resolution").push(KeyCode.END).write("+blue");
        robot.clickOn("#writeBack");

        waitFor("the write", () -> text(robot, "#siblingsMessage").startsWith("Wrote the resolution"));
        assertThat(node.body("PUT kv/cart%3Aalice")).isEqualTo("green+blue");
        assertThat(node.requests()).containsSubsequence("GET kv/cart%3Aalice", "PUT kv/cart%3Aalice");
    }

    @Test
    void plansAJoinShowsItOverTheRingAndCommitsOnConfirmation(FxRobot robot) {
        connect(robot, RecordedCluster.PASSWORD);
        waitFor("the ring", () -> text(robot, "#statusRing").equals("ring v3"));
        robot.clickOn("Operations");
        robot.clickOn("#joinNode").write("node4");
        robot.clickOn("#planJoin");

        TableView<MoveRow> moves = table(robot, "#moves");
        waitFor("the plan", () -> !moves.getItems().isEmpty());
        assertThat(text(robot, "#planSummary")).startsWith("Plan: join node4 with weight 1.");
        assertThat(robot.lookup("#planRing").queryAs(RingCanvas.class).getSegments()
                .filtered(s -> s.moving())).hasSize(moves.getItems().size());

        robot.clickOn("#commit");
        robot.clickOn("OK");

        waitFor("the commit", () -> text(robot, "#operationsMessage").startsWith("Committed: join of node4"));
        assertThat(node.body("POST admin/join/commit")).isEqualTo("{\"node\":\"node4\",\"weight\":1,\"ringVersion\":3}");
        assertThat(moves.getItems()).isEmpty();
    }

    @Test
    void runsAntiEntropyAndShowsAFailureWithItsDetail(FxRobot robot) {
        connect(robot, RecordedCluster.PASSWORD);
        waitFor("connected", () -> text(robot, "#state").startsWith("Connected"));
        robot.clickOn("Operations");
        robot.clickOn("#runExchange");
        waitFor("the exchange", () -> text(robot, "#exchange").startsWith("Partition 0: node1 exchanged with node3"));

        robot.doubleClickOn("#aePartition").write("9");
        robot.clickOn("#runExchange");

        waitFor("the error", () -> !text(robot, "#operationsError").isEmpty());
        assertThat(text(robot, "#operationsError")).contains("404 not_found").contains("anti-entropy/9");
    }
}
