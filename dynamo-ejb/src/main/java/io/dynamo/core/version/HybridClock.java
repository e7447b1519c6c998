package io.dynamo.core.version;

import java.util.function.LongSupplier;

/**
 * A node's hybrid logical clock (Kulkarni et al., 2014). {@link #now} never repeats or goes back, even when the wall
 * clock does; {@link #observe} moves it past a time heard from another node, so a write stamped after a version was
 * seen gets a later stamp than that version even when this node's wall clock is behind.
 *
 * <p>A time more than {@link #MAX_AHEAD_MILLIS} ahead of this node's wall clock is taken only up to that bound: one
 * node with a clock far in the future (or a forged context) must not drag every clock of the cluster there.
 */
public final class HybridClock {
    /** How far ahead of the wall clock an observed time may move this clock. */
    public static final long MAX_AHEAD_MILLIS = 60_000;
    /** Past this many stamps in one millisecond the clock moves on to the next millisecond. */
    static final int MAX_LOGICAL = 0xffff;

    private final LongSupplier wall;
    private long millis;
    private int logical;

    public HybridClock(LongSupplier wallMillis) {
        this.wall = wallMillis;
    }

    /** A fresh stamp, later than every stamp this clock gave or observed before. */
    public synchronized HybridTime now() {
        long physical = wall.getAsLong();
        if (physical > millis) {
            millis = physical;
            logical = 0;
        } else if (logical < MAX_LOGICAL) {
            logical++;
        } else {
            millis++;
            logical = 0;
        }
        return new HybridTime(millis, logical);
    }

    /** Moves this clock to at least {@code seen} (bounded by {@link #MAX_AHEAD_MILLIS} past the wall clock). */
    public synchronized void observe(HybridTime seen) {
        long bound = wall.getAsLong() + MAX_AHEAD_MILLIS;
        HybridTime taken = seen.millis() > bound ? new HybridTime(bound, 0) : seen;
        if (taken.millis() > millis || taken.millis() == millis && taken.logical() > logical) {
            millis = taken.millis();
            logical = taken.logical();
        }
    }

    /** The last stamp given or observed, without advancing. */
    public synchronized HybridTime last() {
        return new HybridTime(millis, logical);
    }
}
