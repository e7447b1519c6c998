package io.dynamo.core.version;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * An immutable version vector: for each actor, the highest counter seen and when that actor last advanced it.
 * Entries are kept sorted by actor so that merge and compare are single linear passes.
 */
public final class VectorClock {
    public static final VectorClock EMPTY = new VectorClock(new Entry[0]);

    /** One actor's entry; {@code time} is the wall-clock millis of its last update, used only for truncation. */
    public record Entry(String actor, long counter, long time) {
    }

    private final Entry[] entries;

    private VectorClock(Entry[] sortedEntries) {
        this.entries = sortedEntries;
    }

    /** Builds a clock from entries in any order; duplicate actors keep their highest counter. */
    public static VectorClock of(Collection<Entry> entries) {
        VectorClock clock = EMPTY;
        for (Entry e : entries) {
            clock = clock.merge(new VectorClock(new Entry[] {e}));
        }
        return clock;
    }

    public List<Entry> entries() {
        return List.of(entries);
    }

    public int size() {
        return entries.length;
    }

    public boolean isEmpty() {
        return entries.length == 0;
    }

    /** The highest counter seen for this actor, 0 if none. */
    public long counter(String actor) {
        int i = indexOf(actor);
        return i < 0 ? 0 : entries[i].counter;
    }

    /** True when the write identified by the dot is already reflected in this clock. */
    public boolean covers(Dot dot) {
        return counter(dot.actor()) >= dot.counter();
    }

    /** This clock advanced to include the dot, stamped with the given time. */
    public VectorClock with(Dot dot, long time) {
        return merge(new VectorClock(new Entry[] {new Entry(dot.actor(), dot.counter(), time)}));
    }

    /** The least clock that has seen everything both have seen (pointwise maximum). */
    public VectorClock merge(VectorClock other) {
        if (other.entries.length == 0) {
            return this;
        }
        if (entries.length == 0) {
            return other;
        }
        List<Entry> out = new ArrayList<>(entries.length + other.entries.length);
        int i = 0;
        int j = 0;
        while (i < entries.length || j < other.entries.length) {
            int c = i == entries.length ? 1
                    : j == other.entries.length ? -1
                    : entries[i].actor.compareTo(other.entries[j].actor);
            if (c < 0) {
                out.add(entries[i++]);
            } else if (c > 0) {
                out.add(other.entries[j++]);
            } else {
                Entry a = entries[i++];
                Entry b = other.entries[j++];
                out.add(new Entry(a.actor, Math.max(a.counter, b.counter), Math.max(a.time, b.time)));
            }
        }
        return new VectorClock(out.toArray(Entry[]::new));
    }

    public Occurred compare(VectorClock other) {
        boolean thisAhead = false;
        boolean otherAhead = false;
        int i = 0;
        int j = 0;
        while (i < entries.length || j < other.entries.length) {
            int c = i == entries.length ? 1
                    : j == other.entries.length ? -1
                    : entries[i].actor.compareTo(other.entries[j].actor);
            if (c < 0) {
                thisAhead = true;
                i++;
            } else if (c > 0) {
                otherAhead = true;
                j++;
            } else {
                long a = entries[i++].counter;
                long b = other.entries[j++].counter;
                thisAhead |= a > b;
                otherAhead |= b > a;
            }
        }
        if (thisAhead && otherAhead) {
            return Occurred.CONCURRENT;
        }
        return thisAhead ? Occurred.AFTER : otherAhead ? Occurred.BEFORE : Occurred.EQUAL;
    }

    /** True when this clock has seen everything the other has (AFTER or EQUAL). */
    public boolean descends(VectorClock other) {
        Occurred o = compare(other);
        return o == Occurred.AFTER || o == Occurred.EQUAL;
    }

    /**
     * Drops the least recently updated entries until at most {@code maxEntries} remain, as the paper does to
     * bound clock size. Entries of actors in {@code pinned} (the dots of live siblings) are never dropped, so a
     * context always covers the siblings it was read with. Forgetting an entry can only make later versions look
     * concurrent (an extra sibling), never make a write look seen.
     */
    public VectorClock truncate(int maxEntries, Collection<String> pinned) {
        if (entries.length <= maxEntries) {
            return this;
        }
        Entry[] byAge = entries.clone();
        Arrays.sort(byAge, Comparator.comparingLong(Entry::time).thenComparing(Entry::actor));
        int excess = entries.length - maxEntries;
        List<String> dropped = new ArrayList<>(excess);
        for (Entry e : byAge) {
            if (dropped.size() == excess) {
                break;
            }
            if (!pinned.contains(e.actor)) {
                dropped.add(e.actor);
            }
        }
        if (dropped.isEmpty()) {
            return this;
        }
        return new VectorClock(Arrays.stream(entries).filter(e -> !dropped.contains(e.actor)).toArray(Entry[]::new));
    }

    private int indexOf(String actor) {
        int lo = 0;
        int hi = entries.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = entries[mid].actor.compareTo(actor);
            if (c == 0) {
                return mid;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** Equality of what was seen: counters per actor; the update times are bookkeeping only. */
    @Override
    public boolean equals(Object o) {
        return o instanceof VectorClock other && compare(other) == Occurred.EQUAL;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Entry e : entries) {
            h = 31 * h + e.actor.hashCode() * 17 + Long.hashCode(e.counter);
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (Entry e : entries) {
            sb.append(sb.length() > 1 ? ", " : "").append(e.actor).append(':').append(e.counter);
        }
        return sb.append('}').toString();
    }
}
