package io.dynamo.console.viewmodel;

import io.dynamo.api.HintQueueBody;
import io.dynamo.api.HintsBody;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Hinted handoff across the cluster: each node's queues (from each node's own event stream) and how the hints per
 * target grew and drained over the last minutes.
 */
public final class HintsViewModel {
    /** How far back the chart goes. */
    static final long WINDOW_MILLIS = 5 * 60_000;
    private final LongSupplier clock;
    private final long startMillis;
    private final Map<String, HintsBody> byHolder = new TreeMap<>();
    private final Map<String, Long> delivered = new TreeMap<>();
    private final java.util.Set<String> unreachable = new java.util.TreeSet<>();
    private final ObservableList<HintQueueRow> queues = FXCollections.observableArrayList();
    private final ObservableList<HintPoint> history = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("No hints reported yet.");

    public HintsViewModel(LongSupplier clock) {
        this.clock = clock;
        this.startMillis = clock.getAsLong();
    }

    public void hintsChanged(HintsBody body) {
        byHolder.put(body.answeredBy(), body);
        delivered.put(body.answeredBy(), body.delivered());
        unreachable.remove(body.answeredBy());
        refresh();
    }

    /** A holder's stream broke: its queues stay, marked as not live, until it reports again. */
    public void holderUnreachable(String holder) {
        if (byHolder.containsKey(holder) && unreachable.add(holder)) {
            refresh();
        }
    }

    private void refresh() {
        List<HintQueueRow> rows = new ArrayList<>();
        Map<String, Long> perTarget = new TreeMap<>();
        history.forEach(p -> perTarget.putIfAbsent(p.target(), 0L));
        for (HintsBody holder : byHolder.values()) {
            for (HintQueueBody q : holder.queues()) {
                rows.add(new HintQueueRow(holder.answeredBy(), q.target(), q.count(), Measure.bytes(q.bytes()),
                        Age.of(q.oldestAgeMillis()), !unreachable.contains(holder.answeredBy())));
                perTarget.merge(q.target(), q.count(), Long::sum);
            }
        }
        rows.sort(Comparator.comparing(HintQueueRow::count).reversed());
        queues.setAll(rows);
        record(perTarget);
        long total = rows.stream().mapToLong(HintQueueRow::count).sum();
        long deliveredTotal = delivered.values().stream().mapToLong(Long::longValue).sum();
        summary.set(total == 0
                ? String.format("No hints waiting (%d nodes reporting, %,d delivered since they started).",
                        byHolder.size(), deliveredTotal)
                : String.format("%,d hints waiting in %d queue(s) (%d nodes reporting, %,d delivered since they"
                        + " started). A queue drains once its target answers again.", total, rows.size(),
                        byHolder.size(), deliveredTotal));
    }

    private void record(Map<String, Long> perTarget) {
        long now = clock.getAsLong();
        double seconds = (now - startMillis) / 1000.0;
        List<HintPoint> points = new ArrayList<>();
        perTarget.forEach((target, count) -> {
            // a queue keeps its size until the next event: a step, not a slope, up to the change
            Long before = lastCount(target);
            if (before != null && before != count) {
                points.add(new HintPoint(target, seconds, before));
            }
            points.add(new HintPoint(target, seconds, count));
        });
        double oldest = (now - WINDOW_MILLIS - startMillis) / 1000.0;
        history.removeIf(p -> p.seconds() < oldest);
        history.addAll(points);
    }

    private Long lastCount(String target) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).target().equals(target)) {
                return history.get(i).count();
            }
        }
        return null;
    }

    public ObservableList<HintQueueRow> queues() {
        return queues;
    }

    /**
     * Points per target, oldest first, drawn as steps: each event adds a point per target seen in the window, and
     * where the size changed, first a point at the event's time with the size before.
     */
    public ObservableList<HintPoint> history() {
        return history;
    }

    public StringProperty summaryProperty() {
        return summary;
    }
}
