package io.dynamo.core.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RingTest {

    @Property(tries = 200)
    void equalWeightsGiveCountsWithinOne(@ForAll @IntRange(min = 3, max = 30) int s, @ForAll long seed) {
        Ring ring = Ring.initial(256, Rings.members(s, new Random(seed)));
        Map<String, Integer> counts = ring.counts();
        assertThat(counts).hasSize(s);
        assertThat(Rings.spread(counts.values())).isLessThanOrEqualTo(1);
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(256);
        ring.members().forEach(m -> assertThat(ring.partitionsOf(m.nodeId())).hasSize(counts.get(m.nodeId())));
    }

    @Property(tries = 200)
    void equalWeightsInterleaveSoWalksAreShort(@ForAll @IntRange(min = 3, max = 64) int s,
            @ForAll @IntRange(min = 6, max = 12) int log2q, @ForAll long seed) {
        Ring ring = Ring.initial(1 << log2q, Rings.members(s, new Random(seed)));
        assertThat(Rings.adjacentDuplicates(ring)).isZero();
        for (int p = 0; p < ring.partitionCount(); p++) {
            assertThat(Rings.walkLength(ring, p, 3)).as("walk for 3 nodes from %d", p).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void weightTwoGetsAboutTwiceThePartitions() {
        Ring ring = Ring.initial(256, List.of(Member.of("a"), new Member("b", 2), Member.of("c")));
        Map<String, Integer> counts = ring.counts();
        assertThat(counts.get("b")).isEqualTo(128);
        assertThat(counts.get("a")).isEqualTo(64);
        Ring mixed = Ring.initial(1024, List.of(Member.of("x"), new Member("y", 2)));
        assertThat(mixed.counts()).containsEntry("x", 341).containsEntry("y", 683);
        assertThat(Rings.adjacentDuplicates(ring)).isZero();
    }

    @Property(tries = 100)
    void weightsGiveProportionalCountsWithinOne(@ForAll long seed) {
        Random random = new Random(seed);
        List<Member> members = new ArrayList<>();
        for (Member m : Rings.members(3 + random.nextInt(20), random)) {
            members.add(new Member(m.nodeId(), 1 + random.nextInt(3)));
        }
        Ring ring = Ring.initial(1024, members);
        int totalWeight = members.stream().mapToInt(Member::weight).sum();
        for (Member m : members) {
            double exact = 1024.0 * m.weight() / totalWeight;
            assertThat((double) ring.counts().get(m.nodeId())).isBetween(exact - 1, exact + 1);
        }
        Rings.checkPreferenceLists(ring, 3);
    }

    @Property(tries = 100)
    void preferenceListsHaveNDistinctReplicasThenEveryOtherNode(@ForAll @IntRange(min = 3, max = 30) int s,
            @ForAll @IntRange(min = 1, max = 5) int n, @ForAll long seed) {
        Rings.checkPreferenceLists(Ring.initial(256, Rings.members(s, new Random(seed))), n);
    }

    @Test
    void preferenceListWalksClockwiseAndWraps() {
        Ring ring = new Ring(1, 8, Rings.members(3), List.of("n00", "n00", "n01", "n00", "n01", "n01", "n00", "n02"));
        assertThat(ring.preferenceList(0, 2).replicas()).containsExactly("n00", "n01");
        assertThat(ring.preferenceList(0, 2).fallbacks()).containsExactly("n02");
        assertThat(ring.preferenceList(6, 2).replicas()).containsExactly("n00", "n02");
        assertThat(ring.preferenceList(7, 3).all()).containsExactly("n02", "n00", "n01");
        assertThat(ring.preferenceList(7, 3).fallbacks()).isEmpty();
    }

    @Test
    void fewerNodesThanNMakesEveryNodeAReplica() {
        Ring ring = Ring.initial(16, Rings.members(2));
        PreferenceList list = ring.preferenceList(5, 3);
        assertThat(list.replicas()).containsExactlyInAnyOrder("n00", "n01");
        assertThat(list.fallbacks()).isEmpty();
    }

    @Test
    void membersWithoutPartitionsComeLastAsFallbacks() {
        Ring ring = Ring.initial(4, Rings.members(6));
        assertThat(ring.counts().values()).containsOnly(0, 1);
        Rings.checkPreferenceLists(ring, 3);
    }

    @Test
    void singleNodeOwnsEverything() {
        Ring ring = Ring.single("solo", 256);
        assertThat(ring.version()).isEqualTo(Ring.INITIAL_VERSION);
        assertThat(ring.partitionCount()).isEqualTo(256);
        assertThat(ring.members()).containsExactly(Member.of("solo"));
        assertThat(ring.partitionsOf("solo")).containsExactlyElementsOf(IntStream.range(0, 256).boxed().toList());
        assertThat(ring.preferenceList(10, 3).all()).containsExactly("solo");
        assertThat(ring.partitioner()).isEqualTo(new Partitioner(256));
    }

    @Test
    void membersAreSortedAndEqualityIsByContent() {
        List<Member> members = List.of(Member.of("c"), Member.of("a"), Member.of("b"));
        List<Member> shuffled = List.of(Member.of("b"), Member.of("c"), Member.of("a"));
        Ring ring = Ring.initial(64, members);
        assertThat(ring.members()).extracting(Member::nodeId).containsExactly("a", "b", "c");
        assertThat(ring).isEqualTo(Ring.initial(64, shuffled))
                .hasSameHashCodeAs(Ring.initial(64, shuffled));
        assertThat(ring).isEqualTo(new Ring(ring.version(), 64, ring.members(), ring.owners()));
        assertThat(ring).isNotEqualTo(new Ring(ring.version() + 1, 64, ring.members(), ring.owners()));
        assertThat(ring.toString()).isEqualTo("Ring[v1 Q=64 a=22 b=21 c=21]");
        assertThat(ring.member("b")).contains(Member.of("b"));
        assertThat(ring.contains("d")).isFalse();
        assertThat(ring.partitionsOf("d")).isEmpty();
    }

    @Test
    void rejectsInconsistentRings() {
        List<Member> two = Rings.members(2);
        assertThatThrownBy(() -> new Ring(1, 2, two, List.of("n00", "zz")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zz");
        assertThatThrownBy(() -> new Ring(1, 4, two, List.of("n00", "n01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 partitions");
        assertThatThrownBy(() -> new Ring(1, 2, List.of(Member.of("a"), new Member("a", 2)), List.of("a", "a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> Ring.initial(256, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ring.initial(100, two)).isInstanceOf(IllegalArgumentException.class);
        Ring ring = Ring.initial(8, two);
        assertThatThrownBy(() -> ring.owner(8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ring.preferenceList(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void membersNeedAPositiveWeightAndAnId(int weight) {
        assertThatThrownBy(() -> new Member("a", weight)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a has weight");
        assertThatThrownBy(() -> Member.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestsAreHeldToTheSmallerNAndTheLargerQuorumsWhileTheSettingsChange() {
        RingSettings legacy = new RingSettings(3, 2, 2);
        Ring old = Ring.initial(16, List.of(Member.of("a"), Member.of("b"), Member.of("c"), Member.of("d")));
        assertThat(old.requestSettings(legacy)).as("a ring of an older release: the node's own").isEqualTo(legacy);
        Ring settled = old.withSettings(new RingSettings(3, 1, 3));
        assertThat(settled.requestSettings(legacy)).isEqualTo(new RingSettings(3, 1, 3));

        assertThat(changing(settled, new RingSettings(4, 2, 3)).requestSettings(legacy))
                .isEqualTo(new RingSettings(3, 2, 3));
        Ring shrinking = changing(old.withSettings(new RingSettings(3, 2, 2)), new RingSettings(2, 1, 2));
        assertThat(shrinking.requestSettings(legacy)).as("R=1 would read one of the previous ring's three")
                .isEqualTo(new RingSettings(2, 2, 2));
        assertThat(shrinking.settled().requestSettings(legacy)).isEqualTo(new RingSettings(2, 1, 2));
        assertThat(shrinking.preferenceList(0, 3).replicas()).as("each ring walks its own N").hasSize(2);
        assertThat(shrinking.readList(0, 3).replicas()).as("reads stay on the previous ring's replicas").hasSize(3);
    }

    private static Ring changing(Ring from, RingSettings next) {
        PartitionPlan plan = RingTransition.plan(from, List.of(RingChange.settings(next)));
        return plan.to().settled().withHandover(Handover.from(plan.from()));
    }
}
