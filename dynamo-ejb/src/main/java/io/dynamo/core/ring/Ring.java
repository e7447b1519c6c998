package io.dynamo.core.ring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who owns what: Q equal partitions, each owned by one member (the paper's strategy 3). Immutable; every change
 * makes a new ring with a higher version, so nodes can tell which of two gossiped rings is newer.
 *
 * <p>A ring just changed carries a {@link Handover}: the ring before, and how far the copies to the new replicas
 * have come. Until they are confirmed, reads go to the previous ring's replicas ({@link #readList}); until every
 * node reads from the new ones, writes go to both ({@link #writeLists}); neither ring's replicas drop a copy
 * ({@link #holders}). {@link #owners()}, {@link #members()} and {@link #preferenceList} always describe the new
 * ring: the layout the change leads to.
 *
 * <p>A ring keeps the cluster's N, R and W ({@link #settings}); the N a caller passes to the methods below is only
 * used for a ring of an older release, which keeps none. So during a change of N each of the two rings walks its own
 * number of replicas.
 */
public final class Ring {
    public static final long INITIAL_VERSION = 1;

    private final long version;
    private final int partitionCount;
    private final List<Member> members;
    private final Map<String, Member> byId;
    private final String[] owners;
    private final int[] ownerIndex;
    private final int distinctOwners;
    private final Handover handover;
    private final RingSettings settings;
    private volatile Streams streams;

    /** The streams a handover needs for one N, and whether all are confirmed: computed once, read per request. */
    private record Streams(int n, List<PartitionStream> all, boolean confirmed) {
    }

    /** A settled ring from its parts, as decoded from the wire; every owner must be a member. */
    public Ring(long version, int partitionCount, Collection<Member> members, List<String> owners) {
        this(version, partitionCount, members, owners, null);
    }

    private Ring(Ring layout, Handover handover) {
        this(layout, handover, layout.settings);
    }

    private Ring(Ring layout, Handover handover, RingSettings settings) {
        this.settings = settings;
        this.version = layout.version;
        this.partitionCount = layout.partitionCount;
        this.members = layout.members;
        this.byId = layout.byId;
        this.owners = layout.owners;
        this.ownerIndex = layout.ownerIndex;
        this.distinctOwners = layout.distinctOwners;
        this.handover = handover;
        if (handover != null && handover.previous().partitionCount() != partitionCount) {
            throw new IllegalArgumentException("ring v" + version + " has Q=" + partitionCount + " but the ring it"
                    + " changes from has Q=" + handover.previous().partitionCount() + "; Q is fixed");
        }
    }

    private Ring(long version, int partitionCount, Collection<Member> members, List<String> owners,
            Handover handover) {
        Partitioner.requirePartitionCount(partitionCount);
        if (version < 0) {
            throw new IllegalArgumentException("ring version " + version + " is negative");
        }
        Map<String, Member> sorted = byId(members);
        if (owners.size() != partitionCount) {
            throw new IllegalArgumentException(owners.size() + " owners given for " + partitionCount + " partitions");
        }
        this.members = List.copyOf(sorted.values());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.members.size(); i++) {
            index.put(this.members.get(i).nodeId(), i);
        }
        this.owners = new String[partitionCount];
        this.ownerIndex = new int[partitionCount];
        for (int p = 0; p < partitionCount; p++) {
            Integer owner = index.get(owners.get(p));
            if (owner == null) {
                throw new IllegalArgumentException("partition " + p + " is owned by " + owners.get(p)
                        + ", which is not a member; add it to the members first");
            }
            this.ownerIndex[p] = owner;
            this.owners[p] = this.members.get(owner).nodeId();
        }
        this.version = version;
        this.partitionCount = partitionCount;
        this.byId = sorted;
        this.distinctOwners = (int) Arrays.stream(ownerIndex).distinct().count();
        this.handover = handover;
        this.settings = null;
    }

    /** A first ring: partitions in proportion to weight, interleaved so neighbours differ. */
    public static Ring initial(int q, List<Member> members) {
        Partitioner.requirePartitionCount(q);
        List<Member> sorted = List.copyOf(byId(members).values());
        Map<String, Integer> quota = Quotas.of(q, sorted, Map.of());
        int[] quotas = sorted.stream().mapToInt(m -> quota.get(m.nodeId())).toArray();
        int[] layout = Interleaving.layout(q, quotas);
        List<String> owners = new ArrayList<>(q);
        for (int node : layout) {
            owners.add(sorted.get(node).nodeId());
        }
        return new Ring(INITIAL_VERSION, q, sorted, owners);
    }

    /** A one-node ring, where a cluster starts. */
    public static Ring single(String nodeId, int q) {
        return initial(q, List.of(Member.of(nodeId)));
    }

    public long version() {
        return version;
    }

    /** The change under way, if this ring was committed and its copies are not all confirmed and in use yet. */
    public Optional<Handover> handover() {
        return Optional.ofNullable(handover);
    }

    /** This layout carrying {@code next} as its change under way (same version). */
    public Ring withHandover(Handover next) {
        return new Ring(this, Objects.requireNonNull(next));
    }

    /** The cluster's N, R and W, kept with its ring; empty for a ring of an older release, which had none. */
    public Optional<RingSettings> settings() {
        return Optional.ofNullable(settings);
    }

    /** This ring (and its change under way) carrying the cluster's settings. */
    public Ring withSettings(RingSettings next) {
        return Objects.equals(next, settings) ? this : new Ring(this, handover, next);
    }

    /** This layout with its change over: what every node ends up with. */
    public Ring settled() {
        return handover == null ? this : new Ring(this, null);
    }

    /** The members of this ring and, during a change, of the previous one but the dead it drops: who takes part. */
    public Set<String> participants() {
        Set<String> all = new TreeSet<>(byId.keySet());
        if (handover != null) {
            all.addAll(handover.previous().byId.keySet());
            all.removeAll(handover.gone());
        }
        return all;
    }

    /** The copies the change under way needs (none when settled), for N replicas. */
    public List<PartitionStream> streams(int n) {
        return streamsFor(n).all();
    }

    /** True when settled, or when every copy the change needs is confirmed: reads may use the new replicas. */
    public boolean copiesConfirmed(int n) {
        return streamsFor(n).confirmed();
    }

    /** True when every participant has installed the change (so every one of them writes to both rings). */
    public boolean seenByAll() {
        return handover == null || handover.seen().containsAll(participants());
    }

    /** True when every participant reads from the new replicas: the change may end. */
    public boolean switchedByAll() {
        return handover == null || handover.switched().containsAll(participants());
    }

    /** The replicas a read asks: the previous ring's until the copies to the new replicas are confirmed. */
    public PreferenceList readList(int partition, int n) {
        if (handover != null && !copiesConfirmed(n)) {
            return handover.previous().preferenceList(partition, n);
        }
        return preferenceList(partition, n);
    }

    /** The replica lists a write must reach W of, each: the new ring's, and the previous ring's during a change. */
    public List<PreferenceList> writeLists(int partition, int n) {
        PreferenceList next = preferenceList(partition, n);
        if (handover == null) {
            return List.of(next);
        }
        PreferenceList before = handover.previous().preferenceList(partition, n);
        return before.replicas().equals(next.replicas()) ? List.of(next) : List.of(before, next);
    }

    /** The nodes that must keep a copy of the partition: its replicas in this ring and, during a change, the last. */
    public Set<String> holders(int partition, int n) {
        Set<String> all = new TreeSet<>(preferenceList(partition, n).replicas());
        if (handover != null) {
            all.addAll(handover.previous().preferenceList(partition, n).replicas());
        }
        return all;
    }

    /** This ring with {@code node} recorded as having installed the change; itself when settled. */
    public Ring seenBy(String node) {
        return handover == null ? this : with(handover.withSeen(node));
    }

    /** This ring with the stream recorded as done; itself when settled or when the change does not need it. */
    public Ring confirming(PartitionStream stream, int n) {
        return handover == null || !streams(n).contains(stream) ? this : with(handover.withConfirmed(stream));
    }

    /** This ring with {@code node} recorded as reading from the new replicas; itself when settled. */
    public Ring switchedBy(String node) {
        return handover == null ? this : with(handover.withSwitched(node));
    }

    /**
     * Both records of the same change (same version, layout and previous ring) united; the settled one when either
     * is.
     */
    public Ring unite(Ring other) {
        if (!sameLayout(other)) {
            throw new IllegalArgumentException("ring v" + version + " and v" + other.version + " are different"
                    + " rings; only two records of the same change can be united");
        }
        if (handover == null || other.handover == null) {
            return handover == null ? this : other;
        }
        Handover united = handover.union(other.handover);
        return united == handover ? this : united == other.handover ? other : with(united);
    }

    /** Same version, Q, members and owners, whatever the state of the change. */
    public boolean sameLayout(Ring other) {
        return version == other.version && partitionCount == other.partitionCount && members.equals(other.members)
                && Arrays.equals(owners, other.owners) && Objects.equals(settings, other.settings);
    }

    private Ring with(Handover next) {
        return next == handover ? this : new Ring(this, next);
    }

    private Streams streamsFor(int n) {
        if (handover == null) {
            return new Streams(n, List.of(), true);
        }
        Streams cached = streams;
        if (cached == null || cached.n() != n) {
            List<PartitionStream> all = StreamPlan.of(handover.previous(), settled(), n, handover.gone());
            cached = new Streams(n, all, handover.confirmed().containsAll(all));
            streams = cached;
        }
        return cached;
    }

    public int partitionCount() {
        return partitionCount;
    }

    public Partitioner partitioner() {
        return new Partitioner(partitionCount);
    }

    /** The members, sorted by node id. */
    public List<Member> members() {
        return members;
    }

    public Optional<Member> member(String nodeId) {
        return Optional.ofNullable(byId.get(nodeId));
    }

    public boolean contains(String nodeId) {
        return byId.containsKey(nodeId);
    }

    public String owner(int partition) {
        return owners[checked(partition)];
    }

    /** Owner of every partition, indexed by partition. */
    public List<String> owners() {
        return List.of(owners);
    }

    /** The partitions a node owns, ascending; empty for a non-member. */
    public List<Integer> partitionsOf(String nodeId) {
        List<Integer> result = new ArrayList<>();
        for (int p = 0; p < partitionCount; p++) {
            if (owners[p].equals(nodeId)) {
                result.add(p);
            }
        }
        return result;
    }

    /** Partition count per member, members owning none included. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new HashMap<>();
        members.forEach(m -> counts.put(m.nodeId(), 0));
        for (String owner : owners) {
            counts.merge(owner, 1, Integer::sum);
        }
        return counts;
    }

    /** N: the ring's own, or {@code legacyN} for a ring of an older release, which keeps no settings. */
    public int replicas(int legacyN) {
        return settings == null ? legacyN : settings.replicas();
    }

    /**
     * The N, R and W a request is held to: this ring's settings ({@code legacy} for a ring that keeps none) and,
     * while they change, the smaller N and the larger R and W of the two rings', so that a request with the default
     * quorums meets those of whichever ring a later read uses (the plan made sure they fit the smaller N).
     */
    public RingSettings requestSettings(RingSettings legacy) {
        RingSettings now = settings == null ? legacy : settings;
        if (handover == null) {
            return now; // every request asks: no new object in the settled case
        }
        RingSettings before = handover.previous().settings().orElse(legacy);
        int n = Math.min(now.replicas(), before.replicas());
        return new RingSettings(n, Math.min(n, Math.max(now.readQuorum(), before.readQuorum())),
                Math.min(n, Math.max(now.writeQuorum(), before.writeQuorum())));
    }

    /**
     * Walks clockwise from the partition collecting distinct owners: the first N are the replicas (N from the ring's
     * settings, {@code legacyN} when it has none), the rest the fallbacks. Members that own no partition (only when
     * Q is below the member count) come last, by id.
     */
    public PreferenceList preferenceList(int partition, int legacyN) {
        checked(partition);
        int n = replicas(legacyN);
        if (n < 1) {
            throw new IllegalArgumentException("a preference list needs n >= 1, got " + n);
        }
        // Indexes and a flag array rather than a set: this runs on every request.
        boolean[] seen = new boolean[members.size()];
        List<String> all = new ArrayList<>(members.size());
        for (int i = 0; i < partitionCount && all.size() < distinctOwners; i++) {
            int owner = ownerIndex[(partition + i) % partitionCount];
            if (!seen[owner]) {
                seen[owner] = true;
                all.add(members.get(owner).nodeId());
            }
        }
        for (int m = 0; m < seen.length && all.size() < seen.length; m++) {
            if (!seen[m]) {
                all.add(members.get(m).nodeId());
            }
        }
        int replicas = Math.min(n, all.size());
        return new PreferenceList(partition, all.subList(0, replicas), all.subList(replicas, all.size()));
    }

    private static Map<String, Member> byId(Collection<Member> members) {
        Map<String, Member> sorted = new TreeMap<>();
        for (Member m : members) {
            if (sorted.put(m.nodeId(), m) != null) {
                throw new IllegalArgumentException("node " + m.nodeId() + " is listed twice; list each member once");
            }
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("a ring needs at least one member");
        }
        return sorted;
    }

    private int checked(int partition) {
        if (partition < 0 || partition >= partitionCount) {
            throw new IllegalArgumentException("partition " + partition + " is outside 0.." + (partitionCount - 1));
        }
        return partition;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ring other && sameLayout(other) && Objects.equals(handover, other.handover);
    }

    @Override
    public int hashCode() {
        return ((Long.hashCode(version) * 31 + members.hashCode()) * 31 + Arrays.hashCode(owners)) * 31
                + Objects.hash(handover, settings);
    }

    /** Version, Q and each member with its partition count, e.g. {@code Ring[v3 Q=256 a=86 b=85 c*2=85]}. */
    @Override
    public String toString() {
        Map<String, Integer> counts = counts();
        StringBuilder sb = new StringBuilder("Ring[v").append(version).append(" Q=").append(partitionCount);
        members.forEach(m -> sb.append(' ').append(m).append('=').append(counts.get(m.nodeId())));
        if (settings != null) {
            sb.append(' ').append(settings);
        }
        if (handover != null) {
            sb.append(" from v").append(handover.previous().version()).append(", seen by ")
                    .append(handover.seen().size()).append(", ").append(handover.confirmed().size())
                    .append(" copies confirmed, switched ").append(handover.switched().size()).append(" of ")
                    .append(participants().size());
        }
        return sb.append(']').toString();
    }
}
