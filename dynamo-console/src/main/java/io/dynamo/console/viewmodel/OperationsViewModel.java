package io.dynamo.console.viewmodel;

import io.dynamo.api.ExchangeBody;
import io.dynamo.api.MemberBody;
import io.dynamo.api.PlanBody;
import io.dynamo.api.RingBody;
import io.dynamo.console.service.ClusterService;
import io.dynamo.console.task.BackgroundExecutor;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Ring changes in two steps, as the API makes them: plan (nothing changes; the moves are shown over the ring), then
 * commit on the operator's confirmation with the plan's ring version. Also runs anti-entropy for one partition.
 */
public final class OperationsViewModel {
    private final ClusterService cluster;
    private final BackgroundExecutor executor;
    private final StringProperty joinNode = new SimpleStringProperty("");
    private final StringProperty joinWeight = new SimpleStringProperty("1");
    private final StringProperty leaveNode = new SimpleStringProperty("");
    private final StringProperty partition = new SimpleStringProperty("0");
    private final ObjectProperty<PlanBody> plan = new SimpleObjectProperty<>();
    private final BooleanProperty planPending = new SimpleBooleanProperty(false);
    private final StringProperty planSummary = new SimpleStringProperty("No plan. Plan a join or a leave to see what would move.");
    private final StringProperty counts = new SimpleStringProperty("");
    private final StringProperty exchange = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<MoveRow> moves = FXCollections.observableArrayList();
    private final ObservableList<String> members = FXCollections.observableArrayList();

    public OperationsViewModel(ClusterService cluster, BackgroundExecutor executor) {
        this.cluster = cluster;
        this.executor = executor;
        plan.addListener((obs, old, now) -> showPlan(now));
    }

    public void ringChanged(RingBody ring) {
        members.setAll(ring.members().stream().map(MemberBody::node).toList());
    }

    public void planJoin() {
        String node = joinNode.get().strip();
        int weight;
        try {
            weight = Integer.parseInt(joinWeight.get().strip());
        } catch (NumberFormatException e) {
            error.set("The weight must be a whole number of 1 or more.");
            return;
        }
        if (node.isEmpty() || weight < 1) {
            error.set(node.isEmpty() ? "Name the node to join (its dynamo.node.id)." : "The weight must be 1 or more.");
            return;
        }
        request(() -> cluster.planJoin(node, weight));
    }

    public void planLeave() {
        String node = leaveNode.get() == null ? "" : leaveNode.get().strip();
        if (node.isEmpty()) {
            error.set("Choose the node that should leave.");
            return;
        }
        request(() -> cluster.planLeave(node));
    }

    /** Commits the plan shown, with the ring version it was made from; a changed ring answers stale_plan. */
    public void commit() {
        PlanBody shown = plan.get();
        if (shown == null) {
            error.set("There is no plan to commit.");
            return;
        }
        error.set("");
        executor.run(() -> "join".equals(shown.operation())
                        ? cluster.commitJoin(shown.node(), shown.weight() == null ? 1 : shown.weight(), shown.fromVersion())
                        : cluster.commitLeave(shown.node(), shown.fromVersion()),
                committed -> {
                    plan.set(null);
                    message.set(String.format("Committed: %s of %s, ring v%d → v%d; %d partitions are being"
                            + " transferred.", committed.operation(), committed.node(), committed.fromVersion(),
                            committed.toVersion(), committed.moves().size()));
                }, e -> error.set(Problems.describe(e)));
    }

    public void cancel() {
        plan.set(null);
        message.set("Plan dropped; nothing changed.");
    }

    public void runAntiEntropy() {
        int p;
        try {
            p = Integer.parseInt(partition.get().strip());
        } catch (NumberFormatException e) {
            error.set("The partition must be a number from 0 to Q-1.");
            return;
        }
        error.set("");
        exchange.set("Exchanging partition " + p + " ...");
        executor.run(() -> cluster.antiEntropy(p), this::showExchange, e -> {
            exchange.set("");
            error.set(Problems.describe(e));
        });
    }

    private void showExchange(ExchangeBody x) {
        exchange.set(String.format("Partition %d: %s exchanged with %s in %d ms: %s; %d keys compared, %d received,"
                + " %d sent, %d repaired", x.partition(), x.answeredBy(), x.peer(), x.tookMillis(),
                x.inSync() ? "in sync" : x.segmentsDiffering() + " segments differed", x.keysCompared(),
                x.keysReceived(), x.keysSent(), x.keysRepaired()));
    }

    private void request(Callable<PlanBody> call) {
        error.set("");
        message.set("");
        executor.run(call, plan::set, e -> error.set(Problems.describe(e)));
    }

    private void showPlan(PlanBody now) {
        planPending.set(now != null);
        if (now == null) {
            moves.clear();
            counts.set("");
            planSummary.set("No plan. Plan a join or a leave to see what would move.");
            return;
        }
        moves.setAll(now.moves().stream().map(m -> new MoveRow(m.partition(), m.from(), m.to())).toList());
        counts.set(now.counts().stream().map(c -> c.node() + ": " + c.before() + " → " + c.after())
                .collect(Collectors.joining(",  ")));
        planSummary.set(String.format("Plan: %s %s%s. %d partitions would move (ring v%d → v%d). Nothing changes"
                + " until you commit.", now.operation(), now.node(), now.weight() == null ? "" : " with weight "
                + now.weight(), now.moves().size(), now.fromVersion(), now.toVersion()));
    }

    public ObjectProperty<PlanBody> planProperty() {
        return plan;
    }

    public BooleanProperty planPendingProperty() {
        return planPending;
    }

    public StringProperty joinNodeProperty() {
        return joinNode;
    }

    public StringProperty joinWeightProperty() {
        return joinWeight;
    }

    public StringProperty leaveNodeProperty() {
        return leaveNode;
    }

    public StringProperty partitionProperty() {
        return partition;
    }

    public StringProperty planSummaryProperty() {
        return planSummary;
    }

    public StringProperty countsProperty() {
        return counts;
    }

    public StringProperty exchangeProperty() {
        return exchange;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObservableList<MoveRow> moves() {
        return moves;
    }

    public ObservableList<String> members() {
        return members;
    }
}
