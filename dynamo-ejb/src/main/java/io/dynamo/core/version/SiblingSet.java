package io.dynamo.core.version;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 */
public final class SiblingSet {
    public static final SiblingSet EMPTY = new SiblingSet(VectorClock.EMPTY, List.of());

    private final VectorClock clock;
    private final List<Sibling> siblings;
    /** The binary form, once {@link SiblingSetCodec} made it: the set is immutable, so it never goes stale. */
    private volatile byte[] encoded;

    public SiblingSet(VectorClock clock, List<Sibling> siblings) {
        this.clock = clock;
        this.siblings = List.copyOf(siblings);
    }

    public VectorClock clock() {
        return clock;
    }

    public List<Sibling> siblings() {
        return siblings;
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

    /** The clock without the siblings: all a context is made of, without the values' bytes. */
    public SiblingSet withoutSiblings() {
        return siblings.isEmpty() ? this : new SiblingSet(clock, List.of());
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
        kept.add(new Sibling(dot, value));
        return truncated(clock.merge(seen).with(dot, time), kept, maxClockEntries);
    }

    /** The union of two replicas' knowledge of one key (state merge, used by replication and repair). */
    public SiblingSet merge(SiblingSet other) {
        if (other == this || other.siblings.isEmpty() && other.clock.isEmpty()) {
            return this;
        }
        if (siblings.isEmpty() && clock.isEmpty()) {
            return other;
        }
        Set<Dot> mine = dots(siblings);
        Set<Dot> theirs = dots(other.siblings);
        List<Sibling> out = new ArrayList<>(siblings.size() + other.siblings.size());
        for (Sibling s : siblings) {
            if (theirs.contains(s.dot()) || !other.clock.covers(s.dot())) {
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
        return truncated(clock, siblings, maxClockEntries);
    }

    private static SiblingSet truncated(VectorClock clock, List<Sibling> siblings, int maxClockEntries) {
        if (clock.size() <= maxClockEntries) {
            return new SiblingSet(clock, siblings);
        }
        Set<String> pinned = new HashSet<>();
        for (Sibling s : siblings) {
            pinned.add(s.dot().actor());
        }
        return new SiblingSet(clock.truncate(maxClockEntries, pinned), siblings);
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
        return "SiblingSet" + clock + siblings.stream().map(s -> s.dot() + "=" + s.value()).toList();
    }
}
