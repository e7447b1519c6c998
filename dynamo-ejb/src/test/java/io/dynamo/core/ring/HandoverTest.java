package io.dynamo.core.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a ring being handed over routes reads and writes, and how its record moves on and merges. */
class HandoverTest {
    private static final int N = 3;
    private final Ring before = Ring.initial(16, Rings.members(4));
    private final PartitionPlan join = RingTransition.join(before, Member.of("new"));
    private final Ring changing = join.to().withHandover(Handover.from(before));

    @Test
    void readsStayOnThePreviousReplicasUntilEveryCopyIsConfirmedWhileWritesReachBoth() {
        int moved = join.moves().get(0).partition();
        assertThat(changing.readList(moved, N)).isEqualTo(before.preferenceList(moved, N));
        assertThat(changing.writeLists(moved, N)).containsExactly(before.preferenceList(moved, N),
                join.to().preferenceList(moved, N));
        Set<String> both = new HashSet<>(before.preferenceList(moved, N).replicas());
        both.addAll(join.to().preferenceList(moved, N).replicas());
        assertThat(changing.holders(moved, N)).isEqualTo(both).contains("new");
        for (int p = 0; p < 16; p++) {
            if (before.preferenceList(p, N).replicas().equals(join.to().preferenceList(p, N).replicas())) {
                assertThat(changing.writeLists(p, N)).as("p%d keeps its replicas", p).hasSize(1);
            }
        }

        Ring confirmed = changing;
        List<PartitionStream> streams = changing.streams(N);
        assertThat(streams).isNotEmpty().allSatisfy(s -> assertThat(s.target()).isEqualTo("new"));
        for (PartitionStream s : streams) {
            assertThat(confirmed.copiesConfirmed(N)).isFalse();
            confirmed = confirmed.confirming(s, N);
        }
        assertThat(confirmed.copiesConfirmed(N)).isTrue();
        assertThat(confirmed.readList(moved, N)).isEqualTo(join.to().preferenceList(moved, N));
        assertThat(confirmed.writeLists(moved, N)).as("until every node reads from the new replicas").hasSize(2);
        assertThat(confirmed.confirming(new PartitionStream(0, "x", "y"), N)).as("not a copy this change needs")
                .isSameAs(confirmed);
    }

    @Test
    void theChangeEndsOnlyOnceEveryParticipantSawItAndReadsFromTheNewReplicas() {
        assertThat(changing.participants()).containsExactlyInAnyOrder("n00", "n01", "n02", "n03", "new");
        Ring ring = changing;
        for (String id : changing.participants()) {
            assertThat(ring.seenByAll()).isFalse();
            ring = ring.seenBy(id);
        }
        assertThat(ring.seenByAll()).isTrue();
        for (String id : changing.participants()) {
            assertThat(ring.switchedByAll()).isFalse();
            ring = ring.switchedBy(id);
        }
        assertThat(ring.switchedByAll()).isTrue();
        assertThat(ring.settled()).isEqualTo(join.to()).isNotEqualTo(ring);
        assertThat(ring.settled().handover()).isEmpty();
    }

    @Test
    void twoRecordsOfTheSameChangeUniteAndTheSettledOneWins() {
        Ring a = changing.seenBy("n00").confirming(changing.streams(N).get(0), N);
        Ring b = changing.seenBy("n01").switchedBy("n01");
        Ring united = a.unite(b);
        assertThat(united).isEqualTo(b.unite(a));
        assertThat(united.handover().orElseThrow().seen()).containsExactly("n00", "n01");
        assertThat(united.handover().orElseThrow().switched()).containsExactly("n01");
        assertThat(united.handover().orElseThrow().confirmed()).containsExactly(changing.streams(N).get(0));
        assertThat(united.unite(united)).isSameAs(united);
        assertThat(a.unite(join.to())).isEqualTo(join.to());
        assertThat(join.to().unite(a)).isEqualTo(join.to());
    }
}
