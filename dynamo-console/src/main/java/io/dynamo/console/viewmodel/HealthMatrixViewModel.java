package io.dynamo.console.viewmodel;

import io.dynamo.api.NodeBody;
import io.dynamo.api.NodesBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Which node sees which as up: each node's own {@code health} event (failure detection is local, so the nodes may
 * disagree) as one row, observers down the side and the nodes they see across the top.
 */
public final class HealthMatrixViewModel {
    private final Map<String, NodesBody> byObserver = new TreeMap<>();
    private final Set<String> unreachable = new TreeSet<>();
    private final ObservableList<String> nodes = FXCollections.observableArrayList();
    private final ObservableList<MatrixCell> cells = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("No node has reported its view yet.");

    public void observed(NodesBody body) {
        byObserver.put(body.answeredBy(), body);
        unreachable.remove(body.answeredBy());
        refresh();
    }

    /** An observer's stream broke: its row stays, marked stale, until it reports again. */
    public void observerUnreachable(String observer) {
        if (byObserver.containsKey(observer) && unreachable.add(observer)) {
            refresh();
        }
    }

    private void refresh() {
        Set<String> all = new TreeSet<>(byObserver.keySet());
        byObserver.values().forEach(b -> b.nodes().forEach(n -> all.add(n.node())));
        List<MatrixCell> now = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        for (NodesBody row : byObserver.values()) {
            String observer = row.answeredBy();
            boolean live = !unreachable.contains(observer);
            for (String observed : all) {
                Reachability seen = row.nodes().stream().filter(n -> n.node().equals(observed)).findFirst()
                        .map(HealthMatrixViewModel::reachability).orElse(Reachability.UNKNOWN);
                boolean self = observer.equals(observed);
                now.add(new MatrixCell(observer, observed, seen, self, live));
                if (!self && (seen == Reachability.SUSPECT || seen == Reachability.DOWN)) {
                    disagreements.add(observer + " sees " + observed + " " + seen.name().toLowerCase(
                            java.util.Locale.ROOT));
                }
            }
        }
        nodes.setAll(all);
        cells.setAll(now);
        String stale = unreachable.isEmpty() ? "" : " Not live (stream broken): " + String.join(", ", unreachable)
                + ".";
        summary.set(String.format("%d of %d nodes reporting their view. ", byObserver.size(), all.size())
                + (disagreements.isEmpty() ? "Every node reporting sees every other up."
                        : String.join("; ", disagreements) + ".") + stale);
    }

    private static Reachability reachability(NodeBody node) {
        return node.health() == null ? Reachability.UNKNOWN : Reachability.of(node.health().reachability());
    }

    /** Every node any observer named, sorted: the matrix's columns (and its rows, for those reporting). */
    public ObservableList<String> nodes() {
        return nodes;
    }

    /** Row by row (observers sorted), each row's cells in {@link #nodes()} order. */
    public ObservableList<MatrixCell> cells() {
        return cells;
    }

    public StringProperty summaryProperty() {
        return summary;
    }
}
