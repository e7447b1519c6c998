package io.dynamo.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.store.StorageEngine;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.Sibling;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.infra.ForwardingStorageEngine;
import io.dynamo.simulation.SetSimulation.Result;
import io.dynamo.simulation.SetSimulation.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The set simulation must catch real bugs: each test plants one into every node through a seam the wiring offers (a
 * store decorator, or the quorums the nodes are configured with while the clients count on R=2 and W=2), runs the
 * first seeds of {@link SetCheckerTest}, and requires the checker to report the bug. A corrupting store must be caught
 * on every seed; a quorum one short is caught only when a read happens to reach the replica the write had not reached
 * yet, so it must be caught on most seeds.
 */
class PlantedBugsTest {
    private static final int SEEDS = 8;

    @Test
    void aMergeThatDropsOneReplicatedVersionInSevenLosesAcknowledgedWrites() {
        List<String> found = problemsOnEverySeed(Scenario.CORRECT.withPlant(dropping()));
        assertThat(found).anyMatch(p -> p.contains(" lost "));
    }

    @Test
    void aMergeThatKeepsOneSupersededVersionInSevenUndoesAcknowledgedRemovals() {
        List<String> found = problemsOnEverySeed(Scenario.CORRECT.withPlant(resurrecting()));
        assertThat(found).anyMatch(p -> p.contains("has back removed") || p.contains("still has, after the removal"));
    }

    /** W=1 on the nodes: the coordinator answers after its own write, one acknowledgement short of W=2. */
    @Test
    void aCoordinatorThatAcknowledgesOneReplicaShortOfWIsCaughtByTheReadsAfterIt() {
        List<String> found = problemsOnMostSeeds(Scenario.CORRECT.withQuorums(SetSimulation.R, SetSimulation.W - 1));
        assertThat(found).allMatch(p -> p.contains(": read at "));
    }

    /** R=1 on the nodes: the coordinator answers with its own copy, which it counts first, and waits for no replica. */
    @Test
    void aCoordinatorThatAnswersAfterOneReplyIsCaughtByTheReadsAfterAWrite() {
        List<String> found = problemsOnMostSeeds(Scenario.CORRECT.withQuorums(1, SetSimulation.W));
        assertThat(found).allMatch(p -> p.contains(": read at "));
    }

    private static List<String> problemsOnEverySeed(Scenario planted) {
        return problems(planted, SEEDS);
    }

    private static List<String> problemsOnMostSeeds(Scenario planted) {
        return problems(planted, SEEDS * 3 / 4);
    }

    private static List<String> problems(Scenario planted, int seedsThatMustReport) {
        List<String> all = new ArrayList<>();
        int reported = 0;
        for (long seed = 1000; seed < 1000 + SEEDS; seed++) {
            Result r = SetSimulation.run(seed, planted);
            reported += r.problems().isEmpty() ? 0 : 1;
            all.addAll(r.problems());
        }
        System.out.println("planted bug: reported on " + reported + " of " + SEEDS + " seeds, " + all.size()
                + " problems" + (all.isEmpty() ? "" : ", e.g. " + all.get(0)));
        assertThat(reported).as("seeds on which the checker reported the planted bug")
                .isGreaterThanOrEqualTo(seedsThatMustReport);
        return all;
    }

    /** Versions a node did not coordinate itself, one dot in seven, vanish from its merges; the clock keeps them. */
    static BiFunction<String, StorageEngine, StorageEngine> dropping() {
        return (id, store) -> new PlantedStore(store, (before, after) -> {
            List<Sibling> kept = new ArrayList<>();
            for (Sibling s : after.siblings()) {
                boolean replicated = !s.dot().actor().equals(id + "." + store.incarnation());
                if (!(replicated && oneInSeven(s.dot()) && !before.siblings().contains(s))) {
                    kept.add(s);
                }
            }
            return new SiblingSet(after.clock(), kept);
        });
    }

    /** One superseded version in seven stays on after a write that its clock shows has seen it. */
    static BiFunction<String, StorageEngine, StorageEngine> resurrecting() {
        return (id, store) -> new PlantedStore(store, (before, after) -> {
            List<Sibling> kept = new ArrayList<>(after.siblings());
            for (Sibling s : before.siblings()) {
                if (oneInSeven(s.dot()) && !after.siblings().contains(s)) {
                    kept.add(s);
                }
            }
            return new SiblingSet(after.clock(), kept);
        });
    }

    /** Picks by the dot alone, so every node drops or keeps the same versions. */
    private static boolean oneInSeven(Dot dot) {
        return Math.floorMod(dot.actor().hashCode() * 31L + dot.counter(), 7) == 0;
    }

    /** A store whose every update is bent by the planted bug: (what was stored, what the node meant to store). */
    private static final class PlantedStore extends ForwardingStorageEngine {
        private final BinaryOperator<SiblingSet> bug;

        PlantedStore(StorageEngine store, BinaryOperator<SiblingSet> bug) {
            super(store);
            this.bug = bug;
        }

        @Override
        public SiblingSet update(Key key, UnaryOperator<SiblingSet> change) {
            return super.update(key, current -> bug.apply(current, change.apply(current)));
        }

        @Override
        public SiblingSet updateSynced(Key key, UnaryOperator<SiblingSet> change) {
            return super.updateSynced(key, current -> bug.apply(current, change.apply(current)));
        }
    }
}
