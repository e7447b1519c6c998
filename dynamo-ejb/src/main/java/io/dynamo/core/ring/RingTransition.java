package io.dynamo.core.ring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans membership changes as pure functions of the ring. Only the partitions that must change owner move: a join
 * takes exactly the newcomer's quota from the members most over their new quota, a leave hands exactly the
 * leaver's partitions to the members furthest below theirs, a replacement takes exactly its predecessor's. Where the choice is free, partitions are placed so
 * neighbouring partitions keep distinct owners and preference lists stay short walks.
 */
public final class RingTransition {

    private RingTransition() {
    }

    public static PartitionPlan join(Ring ring, Member newcomer) {
        return plan(ring, List.of(RingChange.join(newcomer.nodeId(), newcomer.weight())));
    }

    public static PartitionPlan leave(Ring ring, String nodeId) {
        return plan(ring, List.of(RingChange.leave(nodeId)));
    }

    /**
     * The plan for several changes at once, applied in order as one ring change (one version, one handover): a
     * remove places the dead node's partitions as a leave would, a replace gives the new node exactly the old one's
     * partitions and weight. Each node may be named once.
     */
    public static PartitionPlan plan(Ring ring, List<RingChange> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one change");
        }
        Set<String> named = new HashSet<>();
        RingSettings settings = null;
        for (RingChange c : changes) {
            if (c.kind() == RingChange.Kind.SETTINGS) {
                if (settings != null) {
                    throw new IllegalArgumentException("the plan changes the settings twice; give N, R and W once");
                }
                settings = c.settings();
                continue;
            }
            for (String id : c.kind() == RingChange.Kind.REPLACE ? List.of(c.node(), c.added()) : List.of(c.node())) {
                if (!named.add(id)) {
                    throw new IllegalArgumentException("node " + id + " is named twice in the plan; name each node"
                            + " in one change only");
                }
            }
            if (!c.added().isEmpty() && ring.contains(c.added())) {
                throw new IllegalArgumentException("node " + c.added() + " is already a member of ring v"
                        + ring.version() + (c.kind() == RingChange.Kind.JOIN ? "; remove it first if it should"
                        + " rejoin with another weight" : "; a replacement must be a new node"));
            }
            if (c.kind() != RingChange.Kind.JOIN && c.kind() != RingChange.Kind.SETTINGS && !ring.contains(c.node())) {
                throw new IllegalArgumentException("node " + c.node() + " is not a member of ring v" + ring.version()
                        + "; check the node id against the members " + ring.members());
            }
        }
        Ring next = ring;
        for (RingChange c : changes) {
            next = switch (c.kind()) {
                case JOIN -> joined(next, new Member(c.node(), c.weight()));
                case LEAVE, REMOVE -> without(next, c.node());
                case REPLACE -> replaced(next, c.node(), c.replacement());
                case SETTINGS -> next;
            };
        }
        if (settings != null) {
            requireSettingsFit(ring, settings, next.members().size());
        }
        PartitionPlan plan = plan(ring, next.members(), next.owners().toArray(new String[0]), changes);
        return settings == null ? plan : new PartitionPlan(ring, plan.to().withSettings(settings), plan.moves(),
                changes);
    }

    /**
     * New settings must change something, and a larger N needs that many nodes: a key's replicas are distinct
     * nodes, so N above the node count would leave every write short of its replicas for good. While N changes a
     * request's default R and W are the larger of the two settings' (each ring's quorums are then met), so both must
     * fit the smaller N.
     */
    private static void requireSettingsFit(Ring ring, RingSettings settings, int nodes) {
        RingSettings before = ring.settings().orElseThrow(() -> new IllegalArgumentException("ring v"
                + ring.version() + " keeps no settings (an older release made it); commit a join or leave first,"
                + " which records the cluster's, then change them"));
        if (before.equals(settings)) {
            throw new IllegalArgumentException("ring v" + ring.version() + " already keeps " + settings
                    + "; give the settings that should change");
        }
        if (settings.replicas() > before.replicas() && settings.replicas() > nodes) {
            throw new IllegalArgumentException("N=" + settings.replicas() + " needs at least " + settings.replicas()
                    + " nodes but ring v" + (ring.version() + 1) + " would have " + nodes + "; join nodes first");
        }
        int smallerN = Math.min(before.replicas(), settings.replicas());
        int r = Math.max(before.readQuorum(), settings.readQuorum());
        int w = Math.max(before.writeQuorum(), settings.writeQuorum());
        if (r > smallerN || w > smallerN) {
            throw new IllegalArgumentException("while N goes from " + before.replicas() + " to " + settings.replicas()
                    + " requests use the larger R and W of " + before + " and " + settings + " (R=" + r + " W=" + w
                    + "), more than N=" + smallerN + ": first lower R and W in a change of their own, then change N");
        }
    }

    private static Ring replaced(Ring ring, String old, String replacement) {
        List<Member> members = ring.members().stream()
                .map(m -> m.nodeId().equals(old) ? new Member(replacement, m.weight()) : m).toList();
        List<String> owners = ring.owners().stream().map(o -> o.equals(old) ? replacement : o).toList();
        return new Ring(ring.version() + 1, ring.partitionCount(), members, owners);
    }

    private static Ring joined(Ring ring, Member newcomer) {
        String id = newcomer.nodeId();
        List<Member> members = new ArrayList<>(ring.members());
        members.add(newcomer);
        Map<String, Integer> counts = ring.counts();
        counts.put(id, 0);
        int q = ring.partitionCount();
        Map<String, Integer> target = Quotas.of(q, members, counts);
        int quota = target.get(id);
        Map<String, Integer> room = new HashMap<>();
        ring.members().forEach(m -> room.put(m.nodeId(), counts.get(m.nodeId()) - target.get(m.nodeId())));
        Map<String, Integer> gives = share(quota, room);

        String[] owners = ring.owners().toArray(new String[0]);
        // Aim the newcomer's k-th partition at an evenly spaced ideal position and take the nearest donor
        // partition, keeping the newcomer's partitions apart so windows of N partitions stay distinct.
        int spacing = quota == 0 ? q : q / quota;
        int[] gaps = Arrays.stream(new int[] {Math.max(2, spacing / 2), 2, 1}).distinct().toArray();
        for (int k = 0; k < quota; k++) {
            int ideal = (int) ((2L * k + 1) * q / (2L * quota));
            int chosen = -1;
            for (int g = 0; g < gaps.length && chosen < 0; g++) {
                chosen = nearestDonorPartition(owners, ideal, gaps[g], id, gives);
            }
            gives.merge(owners[chosen], -1, Integer::sum);
            owners[chosen] = id;
        }
        return new Ring(ring.version() + 1, q, members, List.of(owners));
    }

    private static Ring without(Ring ring, String nodeId) {
        if (ring.members().size() == 1) {
            throw new IllegalArgumentException("node " + nodeId + " is the last member of the ring and cannot leave;"
                    + " join another node first so it can take over the partitions");
        }
        List<Member> remaining = ring.members().stream().filter(m -> !m.nodeId().equals(nodeId)).toList();
        Map<String, Integer> counts = ring.counts();
        counts.remove(nodeId);
        int q = ring.partitionCount();
        Map<String, Integer> target = Quotas.of(q, remaining, counts);
        Map<String, Integer> room = new HashMap<>();
        remaining.forEach(m -> room.put(m.nodeId(), target.get(m.nodeId()) - counts.get(m.nodeId())));
        List<Integer> leaving = ring.partitionsOf(nodeId);
        Map<String, Integer> receives = share(leaving.size(), room);

        String[] owners = ring.owners().toArray(new String[0]);
        Handout.assign(owners, leaving, receives);
        return new Ring(ring.version() + 1, q, remaining, List.of(owners));
    }

    /** Splits {@code total} units one at a time, always to the node with the most room left (ties by id). */
    private static Map<String, Integer> share(int total, Map<String, Integer> room) {
        Map<String, Integer> left = new HashMap<>(room);
        Map<String, Integer> shares = new HashMap<>();
        Comparator<String> mostRoom = Comparator.<String>comparingInt(left::get).reversed()
                .thenComparing(Comparator.naturalOrder());
        for (int i = 0; i < total; i++) {
            String best = left.keySet().stream().min(mostRoom).orElseThrow();
            left.merge(best, -1, Integer::sum);
            shares.merge(best, 1, Integer::sum);
        }
        return shares;
    }

    /** Nearest partition to {@code ideal} whose owner still has to give one, with no newcomer partition within gap. */
    private static int nearestDonorPartition(String[] owners, int ideal, int gap, String newcomer,
            Map<String, Integer> gives) {
        int q = owners.length;
        for (int d = 0; d <= q / 2; d++) {
            int best = -1;
            for (int c : new int[] {Math.floorMod(ideal + d, q), Math.floorMod(ideal - d, q)}) {
                int left = gives.getOrDefault(owners[c], 0);
                if (left > 0 && clearOf(owners, c, gap - 1, newcomer)
                        && (best < 0 || left > gives.getOrDefault(owners[best], 0))) {
                    best = c;
                }
            }
            if (best >= 0) {
                return best;
            }
        }
        return -1;
    }

    private static boolean clearOf(String[] owners, int c, int radius, String node) {
        int q = owners.length;
        for (int j = 1; j <= radius && j < q; j++) {
            if (owners[(c + j) % q].equals(node) || owners[Math.floorMod(c - j, q)].equals(node)) {
                return false;
            }
        }
        return true;
    }

    private static PartitionPlan plan(Ring ring, List<Member> members, String[] owners, List<RingChange> changes) {
        List<PartitionMove> moves = new ArrayList<>();
        for (int p = 0; p < owners.length; p++) {
            if (!owners[p].equals(ring.owner(p))) {
                moves.add(new PartitionMove(p, ring.owner(p), owners[p]));
            }
        }
        Ring next = new Ring(ring.version() + 1, ring.partitionCount(), members, List.of(owners));
        return new PartitionPlan(ring, ring.settings().map(next::withSettings).orElse(next), moves, changes);
    }
}
