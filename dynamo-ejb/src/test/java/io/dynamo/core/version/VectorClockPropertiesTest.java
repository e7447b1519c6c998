package io.dynamo.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class VectorClockPropertiesTest {

    private static VectorClock randomClock(Random random) {
        List<VectorClock.Entry> entries = new ArrayList<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            entries.add(new VectorClock.Entry("n" + random.nextInt(6), 1 + random.nextInt(4), random.nextInt(100)));
        }
        return VectorClock.of(entries);
    }

    @Property(tries = 500)
    void mergeIsCommutativeAssociativeAndIdempotent(@ForAll long seed) {
        Random random = new Random(seed);
        VectorClock a = randomClock(random);
        VectorClock b = randomClock(random);
        VectorClock c = randomClock(random);
        assertThat(a.merge(b)).isEqualTo(b.merge(a));
        assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
        assertThat(a.merge(a)).isEqualTo(a);
        assertThat(a.merge(b).descends(a)).isTrue();
        assertThat(a.merge(b).descends(b)).isTrue();
    }

    @Property(tries = 500)
    void descentIsAPartialOrder(@ForAll long seed) {
        Random random = new Random(seed);
        VectorClock a = randomClock(random);
        VectorClock b = randomClock(random);
        VectorClock c = randomClock(random);
        assertThat(a.descends(a)).as("reflexive").isTrue();
        if (a.descends(b) && b.descends(a)) {
            assertThat(a).as("antisymmetric").isEqualTo(b);
        }
        if (a.descends(b) && b.descends(c)) {
            assertThat(a.descends(c)).as("transitive").isTrue();
        }
    }

    @Property(tries = 500)
    void compareIsTheMirrorOfItsReverse(@ForAll long seed) {
        Random random = new Random(seed);
        VectorClock a = randomClock(random);
        VectorClock b = randomClock(random);
        Occurred ab = a.compare(b);
        Occurred ba = b.compare(a);
        switch (ab) {
            case BEFORE -> assertThat(ba).isEqualTo(Occurred.AFTER);
            case AFTER -> assertThat(ba).isEqualTo(Occurred.BEFORE);
            default -> assertThat(ba).isEqualTo(ab);
        }
    }

    @Test
    void comparesByCounters() {
        VectorClock a = VectorClock.EMPTY.with(new Dot("a", 1), 1);
        VectorClock ab = a.with(new Dot("b", 1), 2);
        VectorClock b = VectorClock.EMPTY.with(new Dot("b", 2), 3);
        assertThat(a.compare(ab)).isEqualTo(Occurred.BEFORE);
        assertThat(ab.compare(a)).isEqualTo(Occurred.AFTER);
        assertThat(ab.compare(b)).isEqualTo(Occurred.CONCURRENT);
        assertThat(a.compare(VectorClock.of(a.entries()))).isEqualTo(Occurred.EQUAL);
        assertThat(ab.covers(new Dot("b", 1))).isTrue();
        assertThat(ab.covers(new Dot("b", 2))).isFalse();
    }

    @Test
    void truncationDropsTheOldestEntriesButKeepsPinnedOnes() {
        VectorClock clock = VectorClock.EMPTY;
        for (int i = 0; i < 15; i++) {
            clock = clock.with(new Dot("n" + (char) ('a' + i), 1), 100 + i);
        }
        VectorClock truncated = clock.truncate(10, List.of("na"));
        assertThat(truncated.size()).isEqualTo(10);
        assertThat(truncated.counter("na")).as("pinned, though oldest").isEqualTo(1);
        assertThat(truncated.counter("nb")).as("oldest unpinned dropped").isZero();
        assertThat(truncated.counter("nf")).isZero();
        assertThat(truncated.counter("ng")).isEqualTo(1);
        assertThat(truncated.counter("no")).as("newest kept").isEqualTo(1);
        assertThat(clock.truncate(20, List.of())).isSameAs(clock);
    }
}
