package io.dynamo.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.PlanBody;
import io.dynamo.api.RingBody;
import io.dynamo.api.RingChangeBody;
import io.dynamo.console.task.SynchronousExecutor;
import io.dynamo.console.testing.FakeCluster;
import io.dynamo.console.testing.Recorded;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RingViewModelTest {
    private final FakeCluster cluster = new FakeCluster();
    private final RingViewModel ring = new RingViewModel(cluster, new SynchronousExecutor());

    @Test
    void drawsEveryPartitionInItsOwnersColourWithALegend() {
        ring.ringChanged(Recorded.read("ring.json", RingBody.class));

        assertThat(ring.segments()).hasSize(256);
        assertThat(ring.segments().get(0).owner()).isEqualTo("node1");
        assertThat(ring.segments().get(1).owner()).isEqualTo("node3");
        assertThat(ring.segments().stream().map(RingSegment::color).distinct()).hasSize(3);
        assertThat(ring.segments()).noneMatch(RingSegment::moving);
        assertThat(ring.legend()).extracting(LegendEntry::node).containsExactly("node1", "node2", "node3");
        assertThat(ring.legend().get(0).detail()).isEqualTo("86 partitions, 33.6%, weight 1");
        assertThat(ring.summaryProperty().get()).startsWith("Ring v3: 256 partitions, N=3, R=2, W=2, 3 members");
    }

    @Test
    void drawsAPendingPlanOverTheRingUntilItIsDropped() {
        ring.ringChanged(Recorded.read("ring.json", RingBody.class));
        PlanBody plan = Recorded.read("plan-join-node4.json", PlanBody.class);

        ring.planProperty().set(plan);

        assertThat(ring.segments().filtered(RingSegment::moving)).hasSize(plan.moves().size());
        RingSegment moved = ring.segments().get(plan.moves().get(0).partition());
        assertThat(moved.movesTo()).isEqualTo("node4");
        assertThat(moved.movesToColor()).isNotEqualTo(moved.color());
        assertThat(ring.legend()).extracting(LegendEntry::node).contains("node4");
        assertThat(ring.planSummaryProperty().get()).startsWith("Pending join of node4: " + plan.moves().size());

        ring.planProperty().set(null);
        assertThat(ring.segments()).noneMatch(RingSegment::moving);
        assertThat(ring.planSummaryProperty().get()).isEmpty();
    }

    @Test
    void drawsAChangeUnderWayWithEachMovingPartitionFromItsPreviousOwnerToItsPendingOne() {
        RingBody settled = Recorded.read("ring.json", RingBody.class);
        List<String> previous = new ArrayList<>(settled.owners());
        previous.set(0, "node9");
        previous.set(5, "node9");
        RingBody changing = new RingBody(settled.answeredBy(), settled.version(), settled.partitions(),
                settled.replicas(), settled.readQuorum(), settled.writeQuorum(), settled.members(), settled.owners(),
                new RingChangeBody(settled.version() - 1, 4, 4, 3, 8, 1, previous));

        ring.ringChanged(changing);

        assertThat(ring.segments().filtered(RingSegment::moving)).extracting(RingSegment::partition)
                .containsExactly(0, 5);
        assertThat(ring.segments().get(0).owner()).as("still serving reads").isEqualTo("node9");
        assertThat(ring.segments().get(0).movesTo()).isEqualTo(settled.owners().get(0));
        assertThat(ring.planSummaryProperty().get()).isEqualTo("Change v2 → v3 under way: 2 of 256 partitions move"
                + " to pending owners; 3 of 8 copies confirmed; 4 of 4 nodes saw it, 1 read from the new replicas");

        ring.ringChanged(settled);
        assertThat(ring.segments()).noneMatch(RingSegment::moving);
        assertThat(ring.planSummaryProperty().get()).isEmpty();
    }

    @Test
    void looksUpAKeyAndShowsItsPreferenceListWithHealth() {
        ring.keyProperty().set("order:1");

        ring.lookUp();

        assertThat(cluster.calls).containsExactly("placement order:1");
        assertThat(ring.keyPartitionProperty().get()).isEqualTo(214);
        assertThat(ring.keyFractionProperty().get()).isBetween(0.83, 0.84); // 0xd6... of 2^128
        assertThat(ring.placement()).extracting(PlacementRow::role, PlacementRow::node, PlacementRow::health)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("coordinator", "node1", Reachability.UP),
                        org.assertj.core.groups.Tuple.tuple("replica", "node3", Reachability.DOWN),
                        org.assertj.core.groups.Tuple.tuple("replica", "node2", Reachability.UP));
        assertThat(ring.keySummaryProperty().get()).contains("partition 214");
    }

    @Test
    void showsTheStandInThatHoldsTheHintOfADownReplica() {
        FakeCluster standIns = new FakeCluster().placementFrom("placement-standin.json");
        RingViewModel model = new RingViewModel(standIns, new SynchronousExecutor());
        model.keyProperty().set("user:a");

        model.lookUp();

        assertThat(model.placement().get(0).standIn()).isEqualTo("node-1");
        assertThat(model.placement()).extracting(PlacementRow::role).containsExactly("coordinator", "replica", "fallback");
        assertThat(model.keySummaryProperty().get()).contains("1 replica(s) routed around");
    }

    @Test
    void reportsAFailedLookUpWithTheStatusAndWhatToDo() {
        cluster.failWith(FakeCluster.status(401, "unauthorized", "wrong password"));
        ring.keyProperty().set("k");

        ring.lookUp();

        assertThat(ring.errorProperty().get()).contains("401 unauthorized: wrong password").contains("admin")
                .contains("data/credentials");
        assertThat(ring.placement()).isEmpty();
        assertThat(ring.keyFractionProperty().get()).isEqualTo(-1);
    }

    @Test
    void asksForAKeyBeforeLookingUp() {
        ring.lookUp();

        assertThat(cluster.calls).isEmpty();
        assertThat(ring.errorProperty().get()).isEqualTo("Type a key to see where it lives.");
    }
}
