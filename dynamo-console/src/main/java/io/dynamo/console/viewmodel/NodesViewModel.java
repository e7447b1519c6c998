package io.dynamo.console.viewmodel;

import io.dynamo.api.HealthBody;
import io.dynamo.api.NodeBody;
import io.dynamo.api.NodesBody;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Every node the cluster knows, with its health as the answering node sees it. */
public final class NodesViewModel {
    private final ObservableList<NodeRow> rows = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("No nodes yet: waiting for the cluster.");

    public void healthChanged(NodesBody body) {
        List<NodeRow> now = body.nodes().stream().map(NodesViewModel::row).toList();
        rows.setAll(now);
        long up = now.stream().filter(r -> r.health() == Reachability.UP).count();
        long suspect = now.stream().filter(r -> r.health() == Reachability.SUSPECT).count();
        long down = now.stream().filter(r -> r.health() == Reachability.DOWN).count();
        summary.set(String.format("%d nodes: %d up, %d suspect, %d down, as %s sees them (ring v%d)", now.size(), up,
                suspect, down, body.answeredBy(), body.ringVersion()));
    }

    private static NodeRow row(NodeBody node) {
        HealthBody health = node.health();
        String status = node.status() == null ? "unknown" : node.status();
        if (!node.member()) {
            status += " (not in ring)";
        }
        String address = node.httpAddress() == null || node.httpAddress().isEmpty() ? "—" : node.httpAddress();
        return new NodeRow(node.node(), node.self(), status, address,
                health == null ? Reachability.UNKNOWN : Reachability.of(health.reachability()),
                health == null ? Age.UNKNOWN : Age.of(health.lastContactAgeMillis()),
                health == null ? Measure.UNKNOWN : Measure.millis(health.rttMillis()), node.partitions(),
                Measure.count(node.keysStored()), health == null ? 0 : health.consecutiveFailures());
    }

    public ObservableList<NodeRow> rows() {
        return rows;
    }

    public StringProperty summaryProperty() {
        return summary;
    }
}
