package io.dynamo.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HybridClockTest {
    private final AtomicLong wall = new AtomicLong(1_000);
    private final HybridClock clock = new HybridClock(wall::get);

    @Test
    void stampsFollowTheWallClockWhileItMovesOn() {
        assertThat(clock.now()).isEqualTo(new HybridTime(1_000, 0));
        wall.set(1_005);
        assertThat(clock.now()).isEqualTo(new HybridTime(1_005, 0));
    }

    @Test
    void stampsInOneMillisecondCountUp() {
        assertThat(clock.now()).isEqualTo(new HybridTime(1_000, 0));
        assertThat(clock.now()).isEqualTo(new HybridTime(1_000, 1));
        assertThat(clock.now()).isEqualTo(new HybridTime(1_000, 2));
    }

    @Test
    void stampsNeverGoBackWhenTheWallClockDoes() {
        HybridTime before = clock.now();
        wall.set(400); // an NTP step back
        HybridTime after = clock.now();
        assertThat(after).isGreaterThan(before).isEqualTo(new HybridTime(1_000, 1));
        wall.set(1_000);
        assertThat(clock.now()).isEqualTo(new HybridTime(1_000, 2));
        wall.set(1_001);
        assertThat(clock.now()).isEqualTo(new HybridTime(1_001, 0));
    }

    @Test
    void aFullLogicalCounterMovesOnToTheNextMillisecond() {
        clock.observe(new HybridTime(1_000, HybridClock.MAX_LOGICAL));
        assertThat(clock.now()).isEqualTo(new HybridTime(1_001, 0));
    }

    @Test
    void aTimeHeardFromAFasterNodeMovesTheClockPastIt() {
        clock.now();
        clock.observe(new HybridTime(1_250, 4)); // a node whose wall clock is 250 ms ahead
        assertThat(clock.now()).isEqualTo(new HybridTime(1_250, 5));
        wall.set(1_300);
        assertThat(clock.now()).isEqualTo(new HybridTime(1_300, 0));
    }

    @Test
    void anOlderTimeHeardChangesNothing() {
        clock.now();
        clock.now();
        clock.observe(new HybridTime(999, 70));
        clock.observe(HybridTime.ZERO);
        assertThat(clock.now()).isEqualTo(new HybridTime(1_000, 2));
    }

    @Test
    void aTimeFarInTheFutureMovesTheClockOnlyToTheBound() {
        clock.observe(new HybridTime(10_000_000, 3));
        assertThat(clock.now()).isEqualTo(new HybridTime(1_000 + HybridClock.MAX_AHEAD_MILLIS, 1));
    }

    @Test
    void unknownTimeIsZeroAndOrdersFirst() {
        assertThat(HybridTime.ZERO.isKnown()).isFalse();
        assertThat(new HybridTime(0, 1).isKnown()).isTrue();
        assertThat(HybridTime.ZERO).isLessThan(new HybridTime(0, 1)).isLessThan(new HybridTime(1, 0));
    }
}
