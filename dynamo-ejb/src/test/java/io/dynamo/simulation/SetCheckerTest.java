package io.dynamo.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.simulation.SetSimulation.Result;
import io.dynamo.simulation.SetSimulation.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Jepsen's set checker on simulated clusters: many seeds of concurrent read-modify-write clients that add, remove and
 * delete under random partitions, one-way cuts, crashes, the loss of a node's data, clock skew and message loss. After
 * healing, no element of an acknowledged write is missing unless something tried to remove it; an acknowledged
 * removal stays removed unless a write it had not seen (acknowledged with a context its read did not cover, or not
 * acknowledged at all) carried the element, since concurrent versions survive a write by design; and while the quorums
 * were strict, every read invoked after a write's acknowledgement reflects that write. {@link SetChecker} gives the
 * exact rules. A failure names its seed; {@code -Ddynamo.seed=N} replays that one seed, {@code -Ddynamo.seeds=N} runs
 * more.
 */
class SetCheckerTest {
    private static final int SEEDS = Integer.getInteger("dynamo.seeds", 200);
    private static final int TRUNCATION_SEEDS = Integer.getInteger("dynamo.seeds", 10);

    @Test
    void noAcknowledgedWriteIsLostNoRemovalUndoneAndEveryStrictReadSeesTheWritesBeforeIt() {
        Totals totals = runSeeds(SEEDS, Scenario.CORRECT);
        System.out.println("set checker: " + totals);
        assertThat(totals.failures).as("replay one with -Ddynamo.seed=N").isEmpty();
        if (totals.seeds > 1) {
            assertThat(totals.acknowledged).as("writes got through").isGreaterThan(totals.attempted / 3);
            assertThat(totals.pairsChecked).as("strict read-after-write pairs").isGreaterThan(totals.seeds * 100L);
            assertThat(totals.tombstonesRemoved).as("tombstones were removed for good").isPositive();
            assertThat(totals.wipes).as("runs in which a node lost its data").isPositive();
        }
    }

    @Test
    void withFewerClockEntriesThanCoordinatorsTruncationHappensAndNoAcknowledgedWriteIsLost() {
        Totals totals = runSeeds(TRUNCATION_SEEDS, Scenario.CORRECT.truncating());
        System.out.println("set checker, clocks of 2 entries: " + totals);
        assertThat(totals.failures).as("replay one with -Ddynamo.seed=N").isEmpty();
        assertThat(totals.truncations).as("clock entries dropped").isPositive();
    }

    @Test
    void aSeedReplaysExactly() {
        Result first = SetSimulation.run(1234, Scenario.CORRECT);
        Result second = SetSimulation.run(1234, Scenario.CORRECT);
        assertThat(second).isEqualTo(first);
        assertThat(first.finalState()).isNotEmpty();
    }

    static Totals runSeeds(int count, Scenario scenario) {
        Long only = Long.getLong("dynamo.seed");
        Totals totals = new Totals();
        int seeds = only != null ? 1 : count;
        for (int i = 0; i < seeds; i++) {
            long seed = only != null ? only : 1000 + i;
            totals.add(seed, SetSimulation.run(seed, scenario));
        }
        return totals;
    }

    /** What a batch of seeds did and which failed. */
    static final class Totals {
        int seeds;
        long attempted;
        long acknowledged;
        long pairsChecked;
        long truncations;
        long tombstonesRemoved;
        int wipes;
        final List<String> failures = new ArrayList<>();

        void add(long seed, Result r) {
            seeds++;
            attempted += r.attempted();
            acknowledged += r.acknowledged();
            pairsChecked += r.pairsChecked();
            truncations += r.truncations();
            tombstonesRemoved += r.tombstonesRemoved();
            wipes += r.wipes();
            if (!r.problems().isEmpty()) {
                String all = String.join("; ", r.problems());
                failures.add("seed " + seed + ": " + (all.length() > 400 ? all.substring(0, 400) + "..." : all));
            }
        }

        @Override
        public String toString() {
            return seeds + " seeds, " + attempted + " additions attempted, " + acknowledged + " acknowledged, "
                    + pairsChecked + " strict read-after-write pairs, " + truncations + " truncations, "
                    + tombstonesRemoved + " tombstones removed, " + wipes + " nodes wiped, " + failures.size()
                    + " seeds failed";
        }
    }
}
