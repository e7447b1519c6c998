package io.dynamo.core.ring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who owns what: Q equal partitions, each owned by one member (the paper's strategy 3). Immutable; every change
 * makes a new ring with a higher version, so nodes can tell which of two gossiped rings is newer.
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

    /** A ring from its parts, as decoded from the wire; every owner must be a member. */
    public Ring(long version, int partitionCount, Collection<Member> members, List<String> owners) {
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

    /**
     * Walks clockwise from the partition collecting distinct owners: the first n are the replicas, the rest the
     * fallbacks. Members that own no partition (only when Q is below the member count) come last, by id.
     */
    public PreferenceList preferenceList(int partition, int n) {
        checked(partition);
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
        return o instanceof Ring other && version == other.version && partitionCount == other.partitionCount
                && members.equals(other.members) && Arrays.equals(owners, other.owners);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(version) * 31 + members.hashCode()) * 31 + Arrays.hashCode(owners);
    }

    /** Version, Q and each member with its partition count, e.g. {@code Ring[v3 Q=256 a=86 b=85 c*2=85]}. */
    @Override
    public String toString() {
        Map<String, Integer> counts = counts();
        StringBuilder sb = new StringBuilder("Ring[v").append(version).append(" Q=").append(partitionCount);
        members.forEach(m -> sb.append(' ').append(m).append('=').append(counts.get(m.nodeId())));
        return sb.append(']').toString();
    }
}
