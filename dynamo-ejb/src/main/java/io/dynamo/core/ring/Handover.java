package io.dynamo.core.ring;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A ring change under way: the ring before it, and how far the cluster has come in making the new ring safe to
 * read from (Cassandra's pending ranges, Riak's next list). Three steps, each recorded as a set that only grows, so
 * two nodes' records merge by union, whatever order gossip brings them in:
 * <ol>
 *   <li>{@code seen}: the participants (members of either ring) that installed the change. Each then sends writes
 *       to the replicas of both rings and counts W in each. Copies start only once every participant has seen the
 *       change, so no write is acknowledged by the old replicas alone while a copy runs.</li>
 *   <li>{@code confirmed}: the streams whose source copied all it held to its target. Once every stream the
 *       change needs is confirmed, reads go to the new ring's replicas.</li>
 *   <li>{@code switched}: the participants that read from the new ring's replicas. Once all have, the change is
 *       over: the ring drops its handover and writes go to the new replicas only.</li>
 * </ol>
 */
public final class Handover {
    private final Ring previous;
    private final Set<String> seen;
    private final Set<PartitionStream> confirmed;
    private final Set<String> switched;
    private final Set<String> gone;

    public Handover(Ring previous, Collection<String> seen, Collection<PartitionStream> confirmed,
            Collection<String> switched) {
        this(previous, seen, confirmed, switched, Set.of());
    }

    /**
     * @param gone members of the previous ring that are dead and leave it (removed, or replaced while down): they
     *             take no part, and the surviving replicas copy their partitions instead; fixed at the commit
     */
    public Handover(Ring previous, Collection<String> seen, Collection<PartitionStream> confirmed,
            Collection<String> switched, Collection<String> gone) {
        if (previous.handover().isPresent()) {
            throw new IllegalArgumentException("ring v" + previous.version() + " is itself changing; a change"
                    + " starts from a settled ring");
        }
        this.previous = previous;
        this.seen = Collections.unmodifiableSet(new TreeSet<>(seen));
        this.confirmed = Collections.unmodifiableSet(new TreeSet<>(confirmed));
        this.switched = Collections.unmodifiableSet(new TreeSet<>(switched));
        this.gone = Collections.unmodifiableSet(new TreeSet<>(gone));
        for (String node : this.gone) {
            if (!previous.contains(node)) {
                throw new IllegalArgumentException("node " + node + " is not a member of ring v" + previous.version()
                        + " and cannot be gone from it");
            }
        }
    }

    /** A change just committed: nothing seen, copied or switched yet. */
    public static Handover from(Ring previous) {
        return new Handover(previous, Set.of(), Set.of(), Set.of());
    }

    /** A change just committed that drops the dead nodes {@code gone} from the previous ring. */
    public static Handover from(Ring previous, Collection<String> gone) {
        return new Handover(previous, Set.of(), Set.of(), Set.of(), gone);
    }

    /** The ring before the change. */
    public Ring previous() {
        return previous;
    }

    public Set<String> seen() {
        return seen;
    }

    public Set<PartitionStream> confirmed() {
        return confirmed;
    }

    public Set<String> switched() {
        return switched;
    }

    public Set<String> gone() {
        return gone;
    }

    Handover withSeen(String node) {
        return seen.contains(node) ? this : new Handover(previous, plus(seen, node), confirmed, switched, gone);
    }

    Handover withConfirmed(PartitionStream stream) {
        return confirmed.contains(stream) ? this : new Handover(previous, seen, plus(confirmed, stream), switched, gone);
    }

    Handover withSwitched(String node) {
        return switched.contains(node) ? this : new Handover(previous, seen, confirmed, plus(switched, node), gone);
    }

    /** Both records of the same change, united; the caller checks that both start from the same ring. */
    Handover union(Handover other) {
        if (!previous.equals(other.previous) || !gone.equals(other.gone)) {
            throw new IllegalArgumentException("two changes from different rings (v" + previous.version() + " and v"
                    + other.previous.version() + ") cannot be united");
        }
        Handover united = new Handover(previous, plus(seen, other.seen), plus(confirmed, other.confirmed),
                plus(switched, other.switched), gone);
        return united.equals(this) ? this : united.equals(other) ? other : united;
    }

    private static <T> Set<T> plus(Set<T> set, T item) {
        return plus(set, Set.of(item));
    }

    private static <T> Set<T> plus(Set<T> set, Set<T> more) {
        Set<T> out = new TreeSet<>(set);
        out.addAll(more);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Handover h && previous.equals(h.previous) && seen.equals(h.seen)
                && confirmed.equals(h.confirmed) && switched.equals(h.switched) && gone.equals(h.gone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(previous, seen, confirmed, switched, gone);
    }
}
