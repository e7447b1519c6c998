package io.dynamo.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.MetricsBody;
import io.dynamo.api.OperationMetricsBody;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetricsViewModelTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final MetricsViewModel metrics = new MetricsViewModel(now::get);

    /** Totals since start: gets and puts with their summed times, p99s of 4 and 9 ms. */
    static MetricsBody counters(String node, long atMillis, long gets, double getMillis, long puts, double putMillis) {
        return new MetricsBody(node, atMillis, List.of(new OperationMetricsBody("get", gets, getMillis, 4.0),
                new OperationMetricsBody("put", puts, putMillis, 9.0), new OperationMetricsBody("delete", 0, 0, 0)));
    }

    @Test
    void eachEventAfterANodesFirstGivesItsRequestsPerSecondAndMeanLatencySinceThePrevious() {
        metrics.metricsChanged(counters("node1", 10_000, 100, 200, 50, 250));
        assertThat(metrics.history()).as("one event is no difference yet").isEmpty();
        assertThat(metrics.rows()).singleElement().extracting(NodeMetricsRow::requestsPerSecond)
                .isEqualTo(Measure.UNKNOWN);

        now.addAndGet(5000);
        metrics.metricsChanged(counters("node1", 15_000, 400, 500, 100, 550));

        // 350 more requests in 5 s, 600 ms more in all
        assertThat(metrics.history()).containsExactly(new MetricPoint("node1", 5, 70, 600.0 / 350));
        NodeMetricsRow row = metrics.rows().get(0);
        assertThat(row.requestsPerSecond()).hasToString("70.0/s");
        assertThat(row.meanLatency()).hasToString("1.7 ms");
        assertThat(row.getP99()).hasToString("4.0 ms");
        assertThat(row.putP99()).hasToString("9.0 ms");
        assertThat(metrics.summaryProperty().get()).isEqualTo("70.0 requests per second across 1 node(s) reporting.");
    }

    @Test
    void aNodeThatRestartedStartsANewDifferenceAndOneWhoseStreamBrokeIsMarked() {
        metrics.metricsChanged(counters("node2", 10_000, 100, 200, 0, 0));
        now.addAndGet(5000);
        metrics.metricsChanged(counters("node2", 15_000, 3, 3, 0, 0));
        assertThat(metrics.history()).as("its counters went back to zero").isEmpty();

        now.addAndGet(5000);
        metrics.metricsChanged(counters("node2", 20_000, 13, 23, 0, 0));
        assertThat(metrics.history()).containsExactly(new MetricPoint("node2", 10, 2, 2));

        metrics.nodeUnreachable("node2");
        assertThat(metrics.rows().get(0).nodeText()).isEqualTo("node2 (unreachable: as last reported)");
    }
}
