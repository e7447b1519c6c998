package io.dynamo.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.RingBody;
import io.dynamo.console.task.SynchronousExecutor;
import io.dynamo.console.testing.FakeCluster;
import io.dynamo.console.testing.Recorded;
import org.junit.jupiter.api.Test;

class OperationsViewModelTest {
    private final FakeCluster cluster = new FakeCluster();
    private final OperationsViewModel operations = new OperationsViewModel(cluster, new SynchronousExecutor());

    @Test
    void plansAJoinAndShowsWhatWouldMoveWithoutChangingAnything() {
        operations.joinNodeProperty().set("node4");
        operations.joinWeightProperty().set("1");

        operations.planJoin();

        assertThat(cluster.calls).containsExactly("planJoin node4 1");
        assertThat(operations.planPendingProperty().get()).isTrue();
        assertThat(operations.moves()).hasSize(operations.planProperty().get().moves().size()).first()
                .isEqualTo(new MoveRow(2, "node1", "node4"));
        assertThat(operations.planSummaryProperty().get()).startsWith("Plan: join node4 with weight 1. ")
                .contains("(ring v3 → v4)").endsWith("Nothing changes until you commit.");
        assertThat(operations.countsProperty().get()).contains("node4: 0 → ");
    }

    @Test
    void commitsThePlanWithTheRingVersionItWasMadeFrom() {
        operations.joinNodeProperty().set("node4");
        operations.planJoin();

        operations.commit();

        assertThat(cluster.calls).containsExactly("planJoin node4 1", "commitJoin node4 1 3");
        assertThat(operations.planPendingProperty().get()).isFalse();
        assertThat(operations.messageProperty().get()).startsWith("Committed: join of node4, ring v3 → v4");
    }

    @Test
    void plansAndCommitsALeave() {
        operations.ringChanged(Recorded.read("ring.json", RingBody.class));
        assertThat(operations.members()).containsExactly("node1", "node2", "node3");
        operations.leaveNodeProperty().set("node3");

        operations.planLeave();
        operations.commit();

        assertThat(cluster.calls).containsExactly("planLeave node3", "commitLeave node3 3");
    }

    @Test
    void aStalePlanSaysToPlanAgainAndStaysShown() {
        operations.joinNodeProperty().set("node4");
        operations.planJoin();
        cluster.failWith(FakeCluster.status(409, "stale_plan", "the plan was made from ring v3 but node node1 now"
                + " has ring v4"));

        operations.commit();

        assertThat(operations.errorProperty().get()).startsWith("The ring changed since this plan was made (409"
                + " stale_plan").endsWith("Plan again and review the new plan.");
        assertThat(operations.planPendingProperty().get()).isTrue();
    }

    @Test
    void cancellingDropsThePlan() {
        operations.joinNodeProperty().set("node4");
        operations.planJoin();

        operations.cancel();

        assertThat(operations.planProperty().get()).isNull();
        assertThat(operations.moves()).isEmpty();
        assertThat(cluster.calls).containsExactly("planJoin node4 1");
    }

    @Test
    void refusesInvalidInputBeforeAskingTheCluster() {
        operations.joinNodeProperty().set("node4");
        operations.joinWeightProperty().set("heavy");
        operations.planJoin();
        assertThat(operations.errorProperty().get()).isEqualTo("The weight must be a whole number of 1 or more.");

        operations.joinNodeProperty().set(" ");
        operations.joinWeightProperty().set("1");
        operations.planJoin();
        assertThat(operations.errorProperty().get()).startsWith("Name the node to join");

        operations.planLeave();
        assertThat(operations.errorProperty().get()).isEqualTo("Choose the node that should leave.");

        operations.partitionProperty().set("x");
        operations.runAntiEntropy();
        assertThat(operations.errorProperty().get()).startsWith("The partition must be a number");
        assertThat(cluster.calls).isEmpty();
    }

    @Test
    void runsAntiEntropyForAPartitionAndShowsTheExchange() {
        operations.partitionProperty().set("0");

        operations.runAntiEntropy();

        assertThat(cluster.calls).containsExactly("antiEntropy 0");
        assertThat(operations.exchangeProperty().get()).isEqualTo("Partition 0: node1 exchanged with node3 in 2 ms:"
                + " in sync; 0 keys compared, 0 received, 0 sent, 0 repaired");
    }

    @Test
    void reportsAFailedExchange() {
        cluster.failWith(FakeCluster.status(409, "exchange_not_possible", "node1 is not a replica of partition 7"));
        operations.partitionProperty().set("7");

        operations.runAntiEntropy();

        assertThat(operations.exchangeProperty().get()).isEmpty();
        assertThat(operations.errorProperty().get()).contains("409 exchange_not_possible: node1 is not a replica");
    }
}
