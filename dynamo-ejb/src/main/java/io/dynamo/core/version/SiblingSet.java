package io.dynamo.core.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * All versions of one key that no other known version supersedes, and the clock of everything seen: a dotted
 * version vector set. Each sibling carries the dot of its write; the clock covers every dot ever seen for the
 * key, including those of overwritten versions.
 *
 * <p>The rules that make it exact: a put keeps only the siblings its context has not seen and adds one new
 * sibling, so every concurrent write survives and siblings never outnumber concurrent writers; a merge keeps a
 * sibling unless the other side has seen its dot and dropped it, so it is commutative, associative and idempotent.
 *
 * <p>A set of a {@code last-write-wins} namespace is marked {@link #latestWins()}: it holds at most one sibling, the
 * greatest in {@link #LATEST_FIRST} order, and merging it with any set keeps the greatest sibling of both (the clocks
 * still merge). That merge is a maximum, so it too is commutative, associative and idempotent, and it never ends
 * with no sibling when either side had one (the dotted rule could: each side may have dropped the other's winner).
 */
public final class SiblingSet {
    public static final SiblingSet EMPTY = new SiblingSet(VectorClock.EMPTY, List.of());
    /**
     * The order in which the latest version wins: the greater hybrid time, then (at equal times, stamped by two
     * nodes) the greater actor, then the greater counter. Dots are unique, so no two versions tie.
     */
    public static final Comparator<Sibling> LATEST_FIRST = Comparator.comparing(Sibling::time)
            .thenComparing(s -> s.dot().actor()).thenComparingLong(s -> s.dot().counter()).reversed();

    private final VectorClock clock;
    private final List<Sibling> siblings;
    private final boolean latestWins;
    /** The binary form, once {@link SiblingSetCodec} made it: the set is immutable, so it never goes stale. */
    private volatile byte[] encoded;

    public SiblingSet(VectorClock clock, List<Sibling> siblings) {
        this(clock, siblings, false);
    }

    /** @param latestWins whether the set is of a {@code last-write-wins} namespace (siblings then hold at most one) */
    public SiblingSet(VectorClock clock, List<Sibling> siblings, boolean latestWins) {
        this.clock = clock;
        this.siblings = List.copyOf(latestWins && siblings.size() > 1 ? List.of(latest(siblings)) : siblings);
        this.latestWins = latestWins;
    }

    public VectorClock clock() {
        return clock;
    }

    public List<Sibling> siblings() {
        return siblings;
    }

    /** True for a set of a {@code last-write-wins} namespace: one version at most, the latest. */
    public boolean isLatestWins() {
        return latestWins;
    }

    /** This set as a {@code last-write-wins} namespace keeps it: only the latest sibling, the clock unchanged. */
    public SiblingSet latestWins() {
        return latestWins ? this : new SiblingSet(clock, siblings, true);
    }

    /** This set as a {@code siblings} namespace keeps it: unmarked, so merges keep every concurrent version again. */
    public SiblingSet keepingSiblings() {
        return latestWins ? new SiblingSet(clock, siblings, false) : this;
    }

    public boolean isEmpty() {
        return siblings.isEmpty();
    }

    /** The values a reader sees: every sibling but tombstones. */
    public List<Value> liveValues() {
        List<Value> live = new ArrayList<>(siblings.size());
        for (Sibling s : siblings) {
            if (!s.value().isTombstone()) {
                live.add(s.value());
            }
        }
        return live;
    }

    /** True when every version is a delete (and there is at least one). */
    public boolean isDeleted() {
        return !siblings.isEmpty() && siblings.stream().allMatch(s -> s.value().isTombstone());
    }

    /** True when some version is neither a delete nor expired at {@code nowMillis}: a reader finds the key. */
    public boolean isLiveAt(long nowMillis) {
        return siblings.stream().anyMatch(s -> !s.value().isDeadAt(nowMillis));
    }

    /** True when every version is a delete or expired at {@code nowMillis} (and there is at least one). */
    public boolean isDeletedAt(long nowMillis) {
        return !siblings.isEmpty() && siblings.stream().allMatch(s -> s.value().isDeadAt(nowMillis));
    }

    /**
     * This set with each version expired at {@code nowMillis} replaced by a tombstone of the same dot and time: the
     * same causal history, so the clock and every other version stay as they were (a concurrent version the expired
     * one does not dominate is untouched) and ordinary tombstone collection removes it later. Returns this set when
     * nothing expired.
     */
    public SiblingSet expired(long nowMillis) {
        if (siblings.stream().noneMatch(s -> s.value().isExpired(nowMillis))) {
            return this;
        }
        List<Sibling> out = new ArrayList<>(siblings.size());
        for (Sibling s : siblings) {
            out.add(s.value().isExpired(nowMillis) ? s.buried() : s);
        }
        return new SiblingSet(clock, out, latestWins);
    }

    /**
     * True when the set holds what {@code other} holds: equal (the same clock and dots) and the same versions buried.
     * Equality alone misses a burial, which keeps every dot; a store must still write the buried form.
     */
    public boolean sameAs(SiblingSet other) {
        return this == other || equals(other) && buried(siblings).equals(buried(other.siblings));
    }

    private static Set<Dot> buried(List<Sibling> siblings) {
        Set<Dot> out = new HashSet<>();
        for (Sibling s : siblings) {
            if (s.value().isTombstone()) {
                out.add(s.dot());
            }
        }
        return out;
    }

    /** True when some version's value expires: only formats that carry expiries may hold the set. */
    public boolean hasExpiry() {
        return siblings.stream().anyMatch(s -> s.value().expiresAt() != Value.NEVER);
    }

    /** The clock without the siblings: all a context is made of, without the values' bytes. */
    public SiblingSet withoutSiblings() {
        return siblings.isEmpty() ? this : new SiblingSet(clock, List.of(), latestWins);
    }

    /** This set's binary form, made by {@code encoder} on first use and kept (a race makes it twice, equal). */
    byte[] encoded(Function<SiblingSet, byte[]> encoder) {
        byte[] bytes = encoded;
        if (bytes == null) {
            bytes = encoder.apply(this);
            encoded = bytes;
        }
        return bytes;
    }

    /** The opaque context handed to a reader: what a put with it will supersede. */
    public Context context() {
        return new Context(clock);
    }

    /**
     * A new write coordinated with the given fresh dot: it supersedes exactly the siblings the context has seen.
     *
     * @param time wall-clock millis, kept in the clock for truncation
     * @param maxClockEntries truncation threshold
     */
    public SiblingSet put(Context context, Dot dot, Value value, long time, int maxClockEntries) {
        return put(context, dot, value, time, HybridTime.ZERO, maxClockEntries);
    }

    /**
     * As {@link #put(Context, Dot, Value, long, int)}, the new version stamped with {@code stamp}; in a
     * {@link #latestWins()} set it then stays only if no sibling the context has not seen is later.
     */
    public SiblingSet put(Context context, Dot dot, Value value, long time, HybridTime stamp, int maxClockEntries) {
        VectorClock seen = context.clock();
        if (clock.covers(dot) || seen.covers(dot)) {
            throw new IllegalArgumentException("dot " + dot + " was already used; dots must be fresh");
        }
        List<Sibling> kept = new ArrayList<>(siblings.size() + 1);
        for (Sibling s : siblings) {
            if (!seen.covers(s.dot())) {
                kept.add(s);
            }
        }
        kept.add(new Sibling(dot, value, stamp));
        return truncated(clock.merge(seen).with(dot, time), kept, latestWins, maxClockEntries);
    }

    /** The union of two replicas' knowledge of one key (state merge, used by replication and repair). */
    public SiblingSet merge(SiblingSet other) {
        if (other == this || other.siblings.isEmpty() && other.clock.isEmpty()) {
            return this;
        }
        if (siblings.isEmpty() && clock.isEmpty()) {
            return other;
        }
        if (latestWins || other.latestWins) {
            List<Sibling> both = new ArrayList<>(siblings);
            both.addAll(other.siblings);
            return new SiblingSet(clock.merge(other.clock), both, true);
        }
        Set<Dot> mine = dots(siblings);
        Map<Dot, Sibling> theirs = byDot(other.siblings);
        List<Sibling> out = new ArrayList<>(siblings.size() + other.siblings.size());
        for (Sibling s : siblings) {
            Sibling same = theirs.get(s.dot());
            if (same != null) {
                out.add(Sibling.deader(s, same));
            } else if (!other.clock.covers(s.dot())) {
                out.add(s);
            }
        }
        for (Sibling s : other.siblings) {
            if (!mine.contains(s.dot()) && !clock.covers(s.dot())) {
                out.add(s);
            }
        }
        out.sort((a, b) -> a.dot().compareTo(b.dot()));
        return new SiblingSet(clock.merge(other.clock), out);
    }

    /** Applies the clock size bound; the actors of live siblings are kept so the context still covers them. */
    public SiblingSet truncate(int maxClockEntries) {
        return truncated(clock, siblings, latestWins, maxClockEntries);
    }

    /** The newest hybrid time of the siblings, {@link HybridTime#ZERO} when none has one. */
    public HybridTime latestTime() {
        HybridTime latest = HybridTime.ZERO;
        for (Sibling s : siblings) {
            if (s.time().compareTo(latest) > 0) {
                latest = s.time();
            }
        }
        return latest;
    }

    private static Sibling latest(List<Sibling> siblings) {
        Sibling best = siblings.get(0);
        for (Sibling s : siblings) {
            int c = LATEST_FIRST.compare(s, best);
            if (c < 0) {
                best = s;
            } else if (c == 0) {
                best = Sibling.deader(best, s); // one version, one side saw it expire
            }
        }
        return best;
    }

    private static SiblingSet truncated(VectorClock clock, List<Sibling> siblings, boolean latestWins,
                                        int maxClockEntries) {
        if (clock.size() <= maxClockEntries) {
            return new SiblingSet(clock, siblings, latestWins);
        }
        Set<String> pinned = new HashSet<>();
        for (Sibling s : siblings) {
            pinned.add(s.dot().actor());
        }
        return new SiblingSet(clock.truncate(maxClockEntries, pinned), siblings, latestWins);
    }

    private static Map<Dot, Sibling> byDot(List<Sibling> siblings) {
        Map<Dot, Sibling> out = new HashMap<>(siblings.size() * 2);
        for (Sibling s : siblings) {
            out.put(s.dot(), s);
        }
        return out;
    }

    private static Set<Dot> dots(List<Sibling> siblings) {
        Set<Dot> dots = new HashSet<>(siblings.size() * 2);
        for (Sibling s : siblings) {
            dots.add(s.dot());
        }
        return dots;
    }

    /** Same versions and same clock: what anti-entropy and the convergence checks compare. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SiblingSet other && clock.equals(other.clock)
                && dots(siblings).equals(dots(other.siblings));
    }

    @Override
    public int hashCode() {
        return clock.hashCode() * 31 + dots(siblings).hashCode();
    }

    @Override
    public String toString() {
        return "SiblingSet" + (latestWins ? "(latest wins)" : "") + clock
                + siblings.stream().map(s -> s.dot() + "@" + s.time() + "=" + s.value()).toList();
    }
}
