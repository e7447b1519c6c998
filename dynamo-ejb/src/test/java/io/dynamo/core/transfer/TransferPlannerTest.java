package io.dynamo.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingTransition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TransferPlannerTest {
    private static final int N = 3;

    private static Ring ring(int q, int size) {
        return Ring.initial(q, IntStream.rangeClosed(1, size).mapToObj(i -> Member.of("n" + i)).toList());
    }

    private static List<TransferSpec> specs(Ring before, Ring after, int p) {
        Set<String> everyone = new HashSet<>();
        before.members().forEach(m -> everyone.add(m.nodeId()));
        after.members().forEach(m -> everyone.add(m.nodeId()));
        List<TransferSpec> out = new ArrayList<>();
        for (String node : everyone) {
            TransferPlanner.plan(node, before, after, N, p).ifPresent(out::add);
        }
        return out;
    }

    @Property(tries = 60)
    void everyNewReplicaIsFedByAnOldOneAndEveryLeaverDropsOnlyAfterHandingOver(@ForAll long seed) {
        Random random = new Random(seed);
        int size = 1 + random.nextInt(7);
        Ring before = ring(1 << (3 + random.nextInt(4)), size);
        PartitionPlan plan = size > 1 && random.nextBoolean()
                ? RingTransition.leave(before, "n" + (1 + random.nextInt(size)))
                : RingTransition.join(before, Member.of("new"));
        Ring after = plan.to();
        for (int p = 0; p < before.partitionCount(); p++) {
            List<String> oldReplicas = before.preferenceList(p, N).replicas();
            List<String> newReplicas = after.preferenceList(p, N).replicas();
            Set<String> fed = new HashSet<>();
            for (TransferSpec spec : specs(before, after, p)) {
                fed.addAll(spec.targets());
                assertThat(newReplicas).containsAll(spec.targets());
                assertThat(oldReplicas).as("only old replicas stream").isNotEmpty();
            }
            for (String r : newReplicas) {
                if (!oldReplicas.contains(r)) {
                    assertThat(fed).as("p%d: new replica %s gets the data", p, r).contains(r);
                }
            }
            for (String r : oldReplicas) {
                Optional<TransferSpec> spec = TransferPlanner.plan(r, before, after, N, p);
                assertThat(spec.map(TransferSpec::drop).orElse(false)).as("p%d: %s drops iff it left", p, r)
                        .isEqualTo(!newReplicas.contains(r));
            }
        }
    }

    @Test
    void onAJoinOnlyTheNodeThatLeavesTheListStreams() {
        Ring before = ring(64, 4);
        Ring after = RingTransition.join(before, Member.of("n5")).to();
        for (int p = 0; p < 64; p++) {
            List<String> oldReplicas = before.preferenceList(p, N).replicas();
            List<String> newReplicas = after.preferenceList(p, N).replicas();
            List<TransferSpec> specs = specs(before, after, p);
            if (oldReplicas.equals(newReplicas) || new HashSet<>(oldReplicas).equals(new HashSet<>(newReplicas))) {
                assertThat(specs).isEmpty();
            } else {
                assertThat(specs).hasSize(1);
                assertThat(specs.get(0).targets()).containsExactly("n5");
                assertThat(specs.get(0).drop()).isTrue();
            }
        }
    }

    @Test
    void aListThatOnlyGrowsIsCopiedByItsFirstOldReplica() {
        Ring before = ring(8, 2);
        Ring after = RingTransition.join(before, Member.of("n3")).to();
        for (int p = 0; p < 8; p++) {
            List<TransferSpec> specs = specs(before, after, p);
            assertThat(specs).hasSize(1);
            assertThat(specs.get(0).drop()).isFalse();
            assertThat(specs.get(0).targets()).containsExactly("n3");
            assertThat(TransferPlanner.plan(before.owner(p), before, after, N, p)).contains(specs.get(0));
        }
    }

    @Test
    void aLeaverWithNobodyNewToFeedHandsItsCopyToEveryRemainingReplica() {
        Ring before = ring(8, 3);
        Ring after = RingTransition.leave(before, "n2").to();
        for (int p = 0; p < 8; p++) {
            assertThat(TransferPlanner.plan("n2", before, after, N, p))
                    .contains(new TransferSpec(p, List.of("n1", "n3"), true));
            assertThat(TransferPlanner.plan("n1", before, after, N, p)).isEmpty();
        }
    }

    @Test
    void aLaterChangeRetargetsAnOngoingTransfer() {
        Ring ring = ring(8, 5);
        int p = 0;
        List<String> replicas = ring.preferenceList(p, N).replicas();
        String outsider = ring.preferenceList(p, N).fallbacks().get(0);
        TransferSpec ongoing = new TransferSpec(p, List.of(replicas.get(0), "gone"), true);

        Optional<TransferSpec> combined = TransferPlanner.combine(outsider, Optional.of(ongoing),
                Optional.empty(), ring, N);
        assertThat(combined).contains(new TransferSpec(p, List.of(replicas.get(0)), true));

        Optional<TransferSpec> backIn = TransferPlanner.combine(replicas.get(1), Optional.of(ongoing),
                Optional.empty(), ring, N);
        assertThat(backIn).as("a node back among the replicas keeps its data")
                .contains(new TransferSpec(p, List.of(replicas.get(0)), false));

        Optional<TransferSpec> nothingLeft = TransferPlanner.combine(replicas.get(1),
                Optional.of(new TransferSpec(p, List.of("gone"), true)), Optional.empty(), ring, N);
        assertThat(nothingLeft).isEmpty();

        Optional<TransferSpec> everyone = TransferPlanner.combine(outsider,
                Optional.of(new TransferSpec(p, List.of("gone"), true)), Optional.empty(), ring, N);
        assertThat(everyone).contains(new TransferSpec(p, replicas, true));
    }
}
