package io.dynamo.core.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RingTransitionTest {

    @Property(tries = 200)
    void joinMovesExactlyTheNewcomersQuotaToTheNewcomer(@ForAll @IntRange(min = 1, max = 30) int s,
            @ForAll @IntRange(min = 4, max = 10) int log2q, @ForAll long seed) {
        Random random = new Random(seed);
        List<Member> members = Rings.members(s + 1, random);
        Ring ring = Ring.initial(1 << log2q, members.subList(0, s));
        String newcomer = members.get(s).nodeId();

        PartitionPlan plan = RingTransition.join(ring, Member.of(newcomer));
        Ring next = plan.to();

        int q = ring.partitionCount();
        int quota = next.partitionsOf(newcomer).size();
        assertThat(quota).isBetween(q / (s + 1), q / (s + 1) + 1);
        assertThat(plan.moves()).hasSize(quota);
        assertThat(plan.moves()).allSatisfy(m -> {
            assertThat(m.to()).isEqualTo(newcomer);
            assertThat(m.from()).isEqualTo(ring.owner(m.partition()));
        });
        checkOnlyMovedPartitionsChanged(plan);
        assertThat(Rings.spread(next.counts().values())).isLessThanOrEqualTo(1);
        assertThat(next.version()).isEqualTo(ring.version() + 1);
        assertThat(plan.from()).isSameAs(ring);
        assertThat(next.members()).contains(Member.of(newcomer)).hasSize(s + 1);
        if (s >= 2) {
            // The newcomer's partitions are spread out, so it never becomes its own neighbour.
            assertThat(Rings.adjacentDuplicates(next)).isLessThanOrEqualTo(Rings.adjacentDuplicates(ring));
        }
    }

    @Property(tries = 200)
    void leaveHandsOutExactlyTheLeaversPartitions(@ForAll @IntRange(min = 2, max = 30) int s,
            @ForAll @IntRange(min = 4, max = 10) int log2q, @ForAll long seed) {
        Random random = new Random(seed);
        Ring ring = Ring.initial(1 << log2q, Rings.members(s, random));
        String leaver = ring.members().get(random.nextInt(s)).nodeId();

        PartitionPlan plan = RingTransition.leave(ring, leaver);
        Ring next = plan.to();

        assertThat(plan.moves()).hasSize(ring.partitionsOf(leaver).size());
        assertThat(plan.moves()).allSatisfy(m -> {
            assertThat(m.from()).isEqualTo(leaver);
            assertThat(m.to()).isNotEqualTo(leaver);
        });
        checkOnlyMovedPartitionsChanged(plan);
        assertThat(next.contains(leaver)).isFalse();
        assertThat(next.members()).hasSize(s - 1);
        assertThat(Rings.spread(next.counts().values())).isLessThanOrEqualTo(1);
        assertThat(next.version()).isEqualTo(ring.version() + 1);
    }

    @Property(tries = 50)
    void randomJoinsAndLeavesKeepRingsBalancedAndPreferenceListsValid(@ForAll long seed) {
        Random random = new Random(seed);
        Ring ring = Ring.initial(256, Rings.members(3, random));
        int joined = 0;
        for (int step = 0; step < 30; step++) {
            int s = ring.members().size();
            boolean join = s < 3 || (s < 30 && random.nextBoolean());
            PartitionPlan plan = join
                    ? RingTransition.join(ring, Member.of("new-" + joined++))
                    : RingTransition.leave(ring, ring.members().get(random.nextInt(s)).nodeId());
            checkOnlyMovedPartitionsChanged(plan);
            ring = plan.to();
            assertThat(Rings.spread(ring.counts().values())).isLessThanOrEqualTo(1);
            Rings.checkPreferenceLists(ring, 3);
        }
        assertThat(ring.version()).isEqualTo(Ring.INITIAL_VERSION + 30);
    }

    @Property(tries = 100)
    void weightedJoinsAndLeavesStayWithinOneOfTheirQuota(@ForAll long seed) {
        Random random = new Random(seed);
        List<Member> members = new ArrayList<>();
        for (Member m : Rings.members(2 + random.nextInt(10), random)) {
            members.add(new Member(m.nodeId(), 1 + random.nextInt(3)));
        }
        Ring ring = Ring.initial(1024, members.subList(0, members.size() - 1));
        Member newcomer = members.get(members.size() - 1);
        PartitionPlan join = RingTransition.join(ring, newcomer);
        assertThat(join.moves()).hasSize(join.to().partitionsOf(newcomer.nodeId()).size());
        checkWithinOneOfQuota(join.to());

        String leaver = members.get(random.nextInt(members.size())).nodeId();
        PartitionPlan leave = RingTransition.leave(join.to(), leaver);
        assertThat(leave.moves()).hasSize(join.to().partitionsOf(leaver).size());
        checkWithinOneOfQuota(leave.to());
    }

    @Test
    void doubleWeightNewcomerTakesAboutTwiceAsMuch() {
        Ring ring = Ring.initial(256, Rings.members(3));
        PartitionPlan plan = RingTransition.join(ring, new Member("big", 2));
        // 256 * 2/5 = 102.4 and 256 * 1/5 = 51.2: the spare partition goes to the largest remainder, big's.
        assertThat(plan.moves()).hasSize(103);
        assertThat(plan.to().counts()).containsEntry("big", 103).containsEntry("n00", 51).containsEntry("n02", 51);
        assertThat(plan.movesTo("big")).hasSize(103);
        assertThat(plan.movesFrom("n00")).hasSize(86 - 51);
    }

    @Test
    void joiningASingleNodeRingHalvesIt() {
        PartitionPlan plan = RingTransition.join(Ring.single("a", 64), Member.of("b"));
        assertThat(plan.moves()).hasSize(32);
        assertThat(Rings.adjacentDuplicates(plan.to())).isZero();
        assertThat(plan.to().version()).isEqualTo(2);
        assertThat(plan.toString()).contains("32 moves").contains("a->b x32");
    }

    @Test
    void joinThenLeaveOfTheSameNodeRestoresTheCounts() {
        Ring ring = Ring.initial(256, Rings.members(5));
        Ring back = RingTransition.leave(RingTransition.join(ring, Member.of("x")).to(), "x").to();
        assertThat(back.counts()).isEqualTo(ring.counts());
        assertThat(back.version()).isEqualTo(ring.version() + 2);
    }

    @Test
    void rejectsJoiningAMemberLeavingAStrangerAndLeavingTheLastNode() {
        Ring ring = Ring.initial(16, Rings.members(2));
        assertThatThrownBy(() -> RingTransition.join(ring, Member.of("n01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n01 is already a member");
        assertThatThrownBy(() -> RingTransition.leave(ring, "ghost"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ghost is not a member");
        Ring single = Ring.single("solo", 16);
        assertThatThrownBy(() -> RingTransition.leave(single, "solo"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("solo is the last member")
                .hasMessageContaining("join another node first");
    }

    @Test
    void aReplacementTakesExactlyItsPredecessorsPartitionsAndWeight() {
        Ring ring = Ring.initial(64, List.of(Member.of("a"), new Member("b", 2), Member.of("c")));
        PartitionPlan plan = RingTransition.plan(ring, List.of(RingChange.replace("b", "z")));
        assertThat(plan.to().version()).isEqualTo(ring.version() + 1);
        assertThat(plan.to().partitionsOf("z")).isEqualTo(ring.partitionsOf("b"));
        assertThat(plan.to().contains("b")).isFalse();
        assertThat(plan.to().members()).contains(new Member("z", 2));
        assertThat(plan.moves()).allSatisfy(m -> {
            assertThat(m.from()).isEqualTo("b");
            assertThat(m.to()).isEqualTo("z");
        });
        assertThat(plan.changes()).containsExactly(RingChange.replace("b", "z"));
    }

    @Test
    void aRemovePlacesTheDeadNodesPartitionsAsALeaveWould() {
        Ring ring = Ring.initial(64, Rings.members(4));
        String dead = ring.members().get(1).nodeId();
        assertThat(RingTransition.plan(ring, List.of(RingChange.remove(dead))).to())
                .isEqualTo(RingTransition.leave(ring, dead).to());
    }

    @Test
    void severalChangesMakeOneVersionEqualToApplyingThemInOrder() {
        Ring ring = Ring.initial(128, Rings.members(3));
        String leaver = ring.members().get(0).nodeId();
        PartitionPlan plan = RingTransition.plan(ring, List.of(RingChange.join("x", 1), RingChange.join("y", 2),
                RingChange.leave(leaver)));
        Ring stepwise = RingTransition.leave(RingTransition.join(RingTransition.join(ring, Member.of("x")).to(),
                new Member("y", 2)).to(), leaver).to();
        assertThat(plan.to().version()).isEqualTo(ring.version() + 1);
        assertThat(plan.to().owners()).isEqualTo(stepwise.owners());
        assertThat(plan.to().members()).isEqualTo(stepwise.members());
        checkOnlyMovedPartitionsChanged(plan);
        checkWithinOneOfQuota(plan.to());
        Rings.checkPreferenceLists(plan.to(), 3);
    }

    @Test
    void aPlanNamingANodeTwiceOrNothingOrABadNodeIsRefused() {
        Ring ring = Ring.initial(16, Rings.members(3));
        String member = ring.members().get(0).nodeId();
        assertThatThrownBy(() -> RingTransition.plan(ring, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one change");
        assertThatThrownBy(() -> RingTransition.plan(ring, List.of(RingChange.join("x", 1), RingChange.leave("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node x is named twice");
        assertThatThrownBy(() -> RingTransition.plan(ring, List.of(RingChange.remove(member),
                RingChange.replace(member, "z")))).hasMessageContaining("node " + member + " is named twice");
        assertThatThrownBy(() -> RingTransition.plan(ring, List.of(RingChange.replace(member,
                ring.members().get(1).nodeId())))).hasMessageContaining("a replacement must be a new node");
        assertThatThrownBy(() -> RingTransition.plan(ring, List.of(RingChange.remove("ghost"))))
                .hasMessageContaining("ghost is not a member");
        assertThatThrownBy(() -> RingChange.replace("a", "a")).hasMessageContaining("cannot replace itself");
        // A weight the gossiped ring cannot carry would leave the new ring on the committing node alone.
        assertThatThrownBy(() -> RingChange.join("x", Member.MAX_WEIGHT + 1)).hasMessageContaining("1 to 1048576");
        assertThatThrownBy(() -> new Member("x", Member.MAX_WEIGHT + 1)).hasMessageContaining("1 to 1048576");
    }

    @Test
    void plansMustAdvanceTheVersionByOne() {
        Ring ring = Ring.single("a", 8);
        assertThatThrownBy(() -> new PartitionPlan(ring, ring, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartitionMove(1, "a", "a")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void checkOnlyMovedPartitionsChanged(PartitionPlan plan) {
        Ring from = plan.from();
        Ring to = plan.to();
        List<Integer> changed = new ArrayList<>();
        for (int p = 0; p < from.partitionCount(); p++) {
            if (!from.owner(p).equals(to.owner(p))) {
                changed.add(p);
            }
        }
        assertThat(plan.moves()).extracting(PartitionMove::partition).containsExactlyElementsOf(changed);
        plan.moves().forEach(m -> assertThat(to.owner(m.partition())).isEqualTo(m.to()));
    }

    private static void checkWithinOneOfQuota(Ring ring) {
        int totalWeight = ring.members().stream().mapToInt(Member::weight).sum();
        Map<String, Integer> counts = ring.counts();
        for (Member m : ring.members()) {
            double exact = (double) ring.partitionCount() * m.weight() / totalWeight;
            assertThat((double) counts.get(m.nodeId())).as(m.nodeId()).isBetween(exact - 1.5, exact + 1.5);
        }
    }
}
