package io.dynamo.console.viewmodel;

import io.dynamo.api.TransferBody;
import io.dynamo.api.TransfersBody;
import java.util.ArrayList;
import java.util.Comparator;
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
 * Partition transfers across the cluster, from each node's own event stream: what each node streams to which new
 * replicas, how far it is and how long it still needs. Finished transfers are left out.
 */
public final class TransfersViewModel {
    private final Map<String, TransfersBody> bySource = new TreeMap<>();
    private final Set<String> unreachable = new TreeSet<>();
    private final ObservableList<TransferRow> transfers = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("No transfers reported yet.");

    public void transfersChanged(TransfersBody body) {
        bySource.put(body.answeredBy(), body);
        unreachable.remove(body.answeredBy());
        refresh();
    }

    /** A node's stream broke: its transfers stay, marked as not live, until it reports again. */
    public void sourceUnreachable(String source) {
        if (bySource.containsKey(source) && unreachable.add(source)) {
            refresh();
        }
    }

    private void refresh() {
        List<TransferRow> rows = new ArrayList<>();
        long keys = 0;
        int running = 0;
        for (TransfersBody source : bySource.values()) {
            for (TransferBody t : source.transfers()) {
                if ("DONE".equals(t.status())) {
                    continue;
                }
                running += "RUNNING".equals(t.status()) ? 1 : 0;
                keys += t.keysSent();
                rows.add(new TransferRow(source.answeredBy(), t.partition(), String.join(", ", t.targets()),
                        t.status() + (t.drop() ? ", then drop" : ""), Measure.count(t.keysSent()),
                        Measure.bytes(t.bytesSent()), t.passKeys() == 0 ? "—"
                                : String.format("%,d / %,d", t.passKeysDone(), t.passKeys()),
                        t.keysPerSecond() == 0 ? Measure.UNKNOWN
                                : new Measure(t.keysPerSecond(), String.format("%,.0f keys/s", t.keysPerSecond())),
                        Age.of(t.millisLeft()), !unreachable.contains(source.answeredBy())));
            }
        }
        rows.sort(Comparator.comparing(TransferRow::source).thenComparingInt(TransferRow::partition));
        transfers.setAll(rows);
        summary.set(rows.isEmpty()
                ? String.format("No partitions moving (%d nodes reporting).", bySource.size())
                : String.format("%d partition transfer(s) under way, %d running (%d nodes reporting); %,d keys sent"
                        + " so far.", rows.size(), running, bySource.size(), keys));
    }

    public ObservableList<TransferRow> transfers() {
        return transfers;
    }

    public StringProperty summaryProperty() {
        return summary;
    }
}
