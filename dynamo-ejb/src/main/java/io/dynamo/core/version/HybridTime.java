package io.dynamo.core.version;

/**
 * A hybrid logical clock timestamp: physical wall-clock millis and a logical counter that orders stamps taken in
 * the same millisecond (or while the node's clock lags one it has heard from). {@link #ZERO} is "unknown": the time
 * of versions written before versions carried one.
 */
public record HybridTime(long millis, int logical) implements Comparable<HybridTime> {
    public static final HybridTime ZERO = new HybridTime(0, 0);

    public HybridTime {
        if (millis < 0 || logical < 0) {
            throw new IllegalArgumentException("a hybrid time is not negative: " + millis + "." + logical);
        }
    }

    /** False for {@link #ZERO}, the time of a version stored before versions had one. */
    public boolean isKnown() {
        return millis != 0 || logical != 0;
    }

    @Override
    public int compareTo(HybridTime o) {
        int c = Long.compare(millis, o.millis);
        return c != 0 ? c : Integer.compare(logical, o.logical);
    }

    @Override
    public String toString() {
        return millis + "." + logical;
    }
}
