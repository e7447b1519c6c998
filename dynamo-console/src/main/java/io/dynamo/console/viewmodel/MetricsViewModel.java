package io.dynamo.console.viewmodel;

import io.dynamo.api.MetricsBody;
import io.dynamo.api.OperationMetricsBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Throughput and latency per node over the last minutes, from each node's {@code metrics} event (totals since the
 * node started, every few seconds): each event after a node's first gives a point, the difference to its previous.
 */
public final class MetricsViewModel {
    /** How far back the charts go. */
    static final long WINDOW_MILLIS = 5 * 60_000;
    private final LongSupplier clock;
    private final long startMillis;
    private final Map<String, MetricsBody> last = new TreeMap<>();
    private final Map<String, MetricPoint> latest = new TreeMap<>();
    private final Set<String> unreachable = new TreeSet<>();
    private final ObservableList<MetricPoint> history = FXCollections.observableArrayList();
    private final ObservableList<NodeMetricsRow> rows = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("No node has reported its counters yet.");

    public MetricsViewModel(LongSupplier clock) {
        this.clock = clock;
        this.startMillis = clock.getAsLong();
    }

    public void metricsChanged(MetricsBody body) {
        String node = body.answeredBy();
        MetricsBody before = last.put(node, body);
        unreachable.remove(node);
        long requests = count(body) - (before == null ? 0 : count(before));
        // A node that restarted counts from zero again: its next event starts a new difference.
        if (before != null && body.atMillis() > before.atMillis() && requests >= 0) {
            double seconds = (body.atMillis() - before.atMillis()) / 1000.0;
            double millis = totalMillis(body) - totalMillis(before);
            MetricPoint point = new MetricPoint(node, (clock.getAsLong() - startMillis) / 1000.0,
                    requests / seconds, requests == 0 ? 0 : millis / requests);
            latest.put(node, point);
            double oldest = (clock.getAsLong() - WINDOW_MILLIS - startMillis) / 1000.0;
            history.removeIf(p -> p.seconds() < oldest);
            history.add(point);
        }
        refresh();
    }

    /** A node's stream broke: its row stays, marked, until it reports again. */
    public void nodeUnreachable(String node) {
        if (last.containsKey(node) && unreachable.add(node)) {
            refresh();
        }
    }

    private void refresh() {
        List<NodeMetricsRow> now = new ArrayList<>();
        double total = 0;
        for (MetricsBody body : last.values()) {
            MetricPoint point = latest.get(body.answeredBy());
            if (point != null) {
                total += point.requestsPerSecond();
            }
            now.add(new NodeMetricsRow(body.answeredBy(),
                    point == null ? Measure.UNKNOWN : new Measure(point.requestsPerSecond(),
                            String.format("%,.1f/s", point.requestsPerSecond())),
                    point == null ? Measure.UNKNOWN : Measure.millis(point.meanMillis()),
                    p99(body, "get"), p99(body, "put"), !unreachable.contains(body.answeredBy())));
        }
        rows.setAll(now);
        summary.set(latest.isEmpty() ? String.format("%d node(s) reporting; the first figures come with each node's"
                + " second event (every 5 s).", last.size())
                : String.format("%,.1f requests per second across %d node(s) reporting.", total, last.size()));
    }

    private static Measure p99(MetricsBody body, String operation) {
        return body.operations().stream().filter(o -> o.operation().equals(operation)).findFirst()
                .map(o -> o.count() == 0 ? Measure.UNKNOWN : Measure.millis(o.p99Millis())).orElse(Measure.UNKNOWN);
    }

    private static long count(MetricsBody body) {
        return body.operations().stream().mapToLong(OperationMetricsBody::count).sum();
    }

    private static double totalMillis(MetricsBody body) {
        return body.operations().stream().mapToDouble(OperationMetricsBody::totalMillis).sum();
    }

    /** Points per node, oldest first, within the last five minutes. */
    public ObservableList<MetricPoint> history() {
        return history;
    }

    /** One row per node reporting, by name. */
    public ObservableList<NodeMetricsRow> rows() {
        return rows;
    }

    public StringProperty summaryProperty() {
        return summary;
    }
}
