package io.dynamo.core.store;

import io.dynamo.core.base.InvalidConfigException;
import java.time.Duration;

/**
 * When a node's writes reach the disk (setting {@code dynamo.durability}):
 * <ul>
 *   <li>{@code none}: whenever the store's own background sync runs; a process crash loses nothing, a power loss
 *   may lose any write;</li>
 *   <li>{@code interval}: each store fsyncs at most {@code interval} after a write, so a power loss takes at most
 *   that much;</li>
 *   <li>{@code dw=K}: a write is acknowledged once K of its replicas have fsynced it; everything else (merges from
 *   anti-entropy, read repair, hint delivery) is synced within the interval.</li>
 * </ul>
 * Counter reservations are synced in every mode. A request may ask for {@code dw} whatever the mode.
 *
 * @param durableWrites K, the synced acknowledgements a write waits for by default (0 but in {@code dw=K} mode)
 * @param interval      the longest a commit stays unsynced; {@link Duration#ZERO} in {@code none} mode
 */
public record Durability(int durableWrites, Duration interval) {
    public static final String SETTING = "dynamo.durability";
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    /** Cassandra's default period: the default must never be less durable than this. */
    public static final Duration LONGEST_INTERVAL = Duration.ofSeconds(10);
    public static final Durability DEFAULT = new Durability(0, DEFAULT_INTERVAL);
    public static final Durability NONE = new Durability(0, Duration.ZERO);

    public Durability {
        if (durableWrites < 0 || interval.isNegative()) {
            throw new InvalidConfigException("durability dw=" + durableWrites + ", interval " + interval
                    + " is invalid");
        }
    }

    /**
     * @param mode     {@code none}, {@code interval} or {@code dw=K} with K at least 1
     * @param interval the sync interval of the {@code interval} and {@code dw} modes (setting
     *                 {@code dynamo.durability.interval.ms}), positive
     */
    public static Durability parse(String mode, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new InvalidConfigException("setting dynamo.durability.interval.ms = " + interval.toMillis()
                    + " is invalid: it must be a positive number of milliseconds");
        }
        String m = mode.trim();
        if (m.equals("none")) {
            return NONE;
        }
        if (m.equals("interval")) {
            return new Durability(0, interval);
        }
        if (m.startsWith("dw=") && m.substring(3).matches("[0-9]{1,2}") && Integer.parseInt(m.substring(3)) >= 1) {
            return new Durability(Integer.parseInt(m.substring(3)), interval);
        }
        throw new InvalidConfigException("setting " + SETTING + " = " + mode + " is invalid: it must be none, "
                + "interval or dw=K with K from 1 to W");
    }

    /** The setting's value as written: {@code none}, {@code interval} or {@code dw=K}. */
    public String mode() {
        if (durableWrites > 0) {
            return "dw=" + durableWrites;
        }
        return interval.isZero() ? "none" : "interval";
    }
}
