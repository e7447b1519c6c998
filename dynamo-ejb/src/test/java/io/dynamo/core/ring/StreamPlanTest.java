package io.dynamo.core.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class StreamPlanTest {
    private static final int N = 3;

    private static Ring ring(int q, int size) {
        return Ring.initial(q, IntStream.rangeClosed(1, size).mapToObj(i -> Member.of("n" + i)).toList());
    }

    private static List<PartitionStream> of(Ring before, Ring after, int p) {
        return StreamPlan.of(before, after, N).stream().filter(s -> s.partition() == p).toList();
    }

    @Property(tries = 40)
    void aDeadNodeStreamsNothingAndEverySurvivingReplicaFeedsItsSuccessors(@ForAll long seed) {
        Random random = new Random(seed);
        int size = 2 + random.nextInt(6);
        Ring before = ring(1 << (3 + random.nextInt(4)), size);
        String dead = "n" + (1 + random.nextInt(size));
        Ring after = RingTransition.plan(before, List.of(random.nextBoolean() ? RingChange.remove(dead)
                : RingChange.replace(dead, "new"))).to();
        List<PartitionStream> streams = StreamPlan.of(before, after, N, Set.of(dead));
        assertThat(streams).noneMatch(s -> s.source().equals(dead));
        for (int p = 0; p < before.partitionCount(); p++) {
            List<String> oldReplicas = before.preferenceList(p, N).replicas();
            List<String> newcomers = new java.util.ArrayList<>(after.preferenceList(p, N).replicas());
            newcomers.removeAll(oldReplicas);
            int partition = p;
            for (String survivor : oldReplicas) {
                if (!survivor.equals(dead) && oldReplicas.contains(dead)) {
                    for (String target : newcomers) {
                        assertThat(streams).as("p%d from %s", partition, survivor)
                                .contains(new PartitionStream(partition, survivor, target));
                    }
                }
            }
        }
    }

    @Property(tries = 60)
    void everyNewReplicaIsFedByEveryReplicaThatLeavesItsList(@ForAll long seed) {
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
            for (PartitionStream s : of(before, after, p)) {
                fed.add(s.target());
                assertThat(newReplicas).contains(s.target());
                assertThat(oldReplicas).as("only old replicas stream").contains(s.source());
            }
            for (String r : newReplicas) {
                if (!oldReplicas.contains(r)) {
                    assertThat(fed).as("p%d: new replica %s gets the data", p, r).contains(r);
                    for (String leaver : oldReplicas) {
                        if (!newReplicas.contains(leaver)) {
                            assertThat(of(before, after, p)).contains(new PartitionStream(p, leaver, r));
                        }
                    }
                }
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
            List<PartitionStream> streams = of(before, after, p);
            if (new HashSet<>(oldReplicas).equals(new HashSet<>(newReplicas))) {
                assertThat(streams).isEmpty();
            } else {
                assertThat(streams).hasSize(1);
                assertThat(streams.get(0).target()).isEqualTo("n5");
                assertThat(newReplicas).doesNotContain(streams.get(0).source());
            }
        }
    }

    @Test
    void aListThatOnlyGrowsIsCopiedByItsFirstOldReplica() {
        Ring before = ring(8, 2);
        Ring after = RingTransition.join(before, Member.of("n3")).to();
        for (int p = 0; p < 8; p++) {
            assertThat(of(before, after, p)).containsExactly(
                    new PartitionStream(p, before.preferenceList(p, N).replicas().get(0), "n3"));
        }
    }

    @Test
    void aLeaverWithNobodyNewToFeedHandsItsCopyToEveryRemainingReplica() {
        Ring before = ring(8, 3);
        Ring after = RingTransition.leave(before, "n2").to();
        for (int p = 0; p < 8; p++) {
            assertThat(of(before, after, p)).containsExactly(new PartitionStream(p, "n2", "n1"),
                    new PartitionStream(p, "n2", "n3"));
        }
    }
}
