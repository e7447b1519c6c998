package io.dynamo.core.version;

/**
 * Turns a time to live into the absolute expiry a value carries: wall-clock millis, so that every replica's copy of
 * the version expires at the same moment whenever and wherever it is read.
 */
public final class Expiry {
    /** The longest time to live, ten years (of 365 days) in seconds. */
    public static final long MAX_SECONDS = 10L * 365 * 24 * 60 * 60;

    private Expiry() {
    }

    /**
     * The value expiring {@code seconds} after {@code nowMillis}.
     *
     * @throws IllegalArgumentException when the seconds are not from 1 to {@link #MAX_SECONDS}
     */
    public static Value after(Value value, long seconds, long nowMillis) {
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("a time to live is from 1 to " + MAX_SECONDS + " seconds, not "
                    + seconds);
        }
        return value.expiringAt(nowMillis + seconds * 1000);
    }
}
