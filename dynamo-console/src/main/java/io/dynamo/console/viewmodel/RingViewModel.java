package io.dynamo.console.viewmodel;

import io.dynamo.api.KeyPlacementBody;
import io.dynamo.api.MemberBody;
import io.dynamo.api.MoveBody;
import io.dynamo.api.PartitionCountBody;
import io.dynamo.api.PlacementBody;
import io.dynamo.api.PlanBody;
import io.dynamo.api.RingBody;
import io.dynamo.api.RingChangeBody;
import io.dynamo.console.service.ClusterService;
import io.dynamo.console.task.BackgroundExecutor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The token ring: partitions by owner, a pending plan over it, and where a key lives. */
public final class RingViewModel {
    private static final BigDecimal RING_SIZE = new BigDecimal(BigInteger.ONE.shiftLeft(128));
    private final ClusterService cluster;
    private final BackgroundExecutor executor;
    private final ObservableList<RingSegment> segments = FXCollections.observableArrayList();
    private final ObservableList<LegendEntry> legend = FXCollections.observableArrayList();
    private final ObservableList<PlacementRow> placement = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("No ring yet: waiting for the cluster.");
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty keySummary = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty planSummary = new SimpleStringProperty("");
    private final DoubleProperty keyFraction = new SimpleDoubleProperty(-1);
    private final IntegerProperty keyPartition = new SimpleIntegerProperty(-1);
    private final ObjectProperty<PlanBody> plan = new SimpleObjectProperty<>();
    private RingBody ring;

    public RingViewModel(ClusterService cluster, BackgroundExecutor executor) {
        this.cluster = cluster;
        this.executor = executor;
        plan.addListener((obs, old, now) -> redraw());
    }

    public void ringChanged(RingBody ring) {
        this.ring = ring;
        summary.set(String.format("Ring v%d: %d partitions, N=%d, R=%d, W=%d, %d members (as %s sees it)",
                ring.version(), ring.partitions(), ring.replicas(), ring.readQuorum(), ring.writeQuorum(),
                ring.members().size(), ring.answeredBy()));
        redraw();
    }

    /** The plan to draw over the ring until it is committed or dropped; null for none. */
    public ObjectProperty<PlanBody> planProperty() {
        return plan;
    }

    public void lookUp() {
        String wanted = key.get() == null ? "" : key.get();
        if (wanted.isEmpty()) {
            error.set("Type a key to see where it lives.");
            return;
        }
        error.set("");
        executor.run(() -> cluster.placement(wanted), this::showPlacement, e -> {
            clearPlacement();
            error.set(Problems.describe(e));
        });
    }

    private void showPlacement(KeyPlacementBody body) {
        keyPartition.set(body.partition());
        keyFraction.set(fraction(body.position()));
        List<PlacementRow> rows = new ArrayList<>();
        for (int i = 0; i < body.replicas().size(); i++) {
            PlacementBody p = body.replicas().get(i);
            rows.add(new PlacementRow(i == 0 ? "coordinator" : "replica", p.node(), health(p), p.standIn()));
        }
        body.fallbacks().forEach(p -> rows.add(new PlacementRow("fallback", p.node(), health(p), p.standIn())));
        placement.setAll(rows);
        long standIns = body.replicas().stream().filter(p -> p.standIn() != null).count();
        keySummary.set(String.format("'%s' hashes to %s, partition %d (ring v%d)%s", body.key(), body.position(),
                body.partition(), body.ringVersion(),
                standIns == 0 ? "" : "; " + standIns + " replica(s) routed around: their hint goes to the stand-in"));
    }

    private static Reachability health(PlacementBody p) {
        return p.health() == null ? Reachability.UNKNOWN : Reachability.of(p.health().reachability());
    }

    private void clearPlacement() {
        placement.clear();
        keySummary.set("");
        keyPartition.set(-1);
        keyFraction.set(-1);
    }

    /** The position as a fraction of the ring: the 128-bit MD5 read as an unsigned number over 2^128. */
    static double fraction(String hexPosition) {
        return new BigDecimal(new BigInteger(hexPosition, 16)).divide(RING_SIZE, MathContext.DECIMAL64).doubleValue();
    }

    private void redraw() {
        if (ring == null) {
            return;
        }
        PlanBody pending = plan.get();
        RingChangeBody change = ring.change();
        Map<Integer, String> moves = new HashMap<>();
        Set<String> nodes = new HashSet<>(ring.owners());
        ring.members().forEach(m -> nodes.add(m.node()));
        if (pending != null) {
            for (MoveBody move : pending.moves()) {
                moves.put(move.partition(), move.to());
                nodes.add(move.to());
            }
            pending.counts().forEach(c -> nodes.add(c.node()));
        } else if (change != null) {
            nodes.addAll(change.previousOwners());
        }
        NodeColors colors = new NodeColors(nodes);
        List<RingSegment> drawn = new ArrayList<>();
        for (int p = 0; p < ring.owners().size(); p++) {
            String owner = ring.owners().get(p);
            String to = moves.get(p);
            if (pending == null && change != null && !change.previousOwners().get(p).equals(owner)) {
                // Under way: the previous owner still serves reads until the copies are confirmed.
                to = owner;
                owner = change.previousOwners().get(p);
            }
            drawn.add(new RingSegment(p, owner, colors.of(owner), to, to == null ? null : colors.of(to)));
        }
        segments.setAll(drawn);
        legend.setAll(legendEntries(colors, pending));
        planSummary.set(pending != null ? String.format("Pending %s: %d of %d partitions move (ring v%d → v%d)",
                planned(pending), pending.moves().size(), ring.partitions(), pending.fromVersion(),
                pending.toVersion())
                : change != null ? String.format("Change v%d → v%d under way: %d of %d partitions move to pending"
                        + " owners; %d of %d copies confirmed; %d of %d nodes saw it, %d read from the new replicas",
                        change.fromVersion(), ring.version(), drawn.stream().filter(RingSegment::moving).count(),
                        ring.partitions(), change.copiesConfirmed(), change.copiesNeeded(), change.seen(),
                        change.participants(), change.switched())
                : "");
    }

    /** "join of node4", or each change of a plan of several. */
    private static String planned(PlanBody plan) {
        if (plan.node() != null) {
            return plan.operation() + " of " + plan.node();
        }
        return plan.changes().stream().map(c -> c.op() + " " + c.node() + (c.with() == null ? "" : " with "
                + c.with())).collect(Collectors.joining(", "));
    }

    private List<LegendEntry> legendEntries(NodeColors colors, PlanBody pending) {
        List<LegendEntry> entries = new ArrayList<>();
        if (pending != null) {
            for (PartitionCountBody count : pending.counts()) {
                entries.add(new LegendEntry(count.node(), colors.of(count.node()), count.after(),
                        count.before() + " → " + count.after() + " partitions"));
            }
            return entries;
        }
        for (MemberBody member : ring.members()) {
            entries.add(new LegendEntry(member.node(), colors.of(member.node()), member.partitions(),
                    String.format("%d partitions, %.1f%%, weight %d", member.partitions(), member.share() * 100,
                            member.weight())));
        }
        return entries;
    }

    public ObservableList<RingSegment> segments() {
        return segments;
    }

    public ObservableList<LegendEntry> legend() {
        return legend;
    }

    public ObservableList<PlacementRow> placement() {
        return placement;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty keySummaryProperty() {
        return keySummary;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty planSummaryProperty() {
        return planSummary;
    }

    /** The key's position as a fraction of the ring from 0 (top) clockwise; -1 when no key is shown. */
    public DoubleProperty keyFractionProperty() {
        return keyFraction;
    }

    public IntegerProperty keyPartitionProperty() {
        return keyPartition;
    }
}
