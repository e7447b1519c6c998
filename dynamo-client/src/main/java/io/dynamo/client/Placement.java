package io.dynamo.client;

import io.dynamo.api.MemberBody;
import io.dynamo.api.RingBody;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a key lives, computed from a {@link RingBody} the way the nodes compute it, so the client needs none of the
 * server's classes (as a Cassandra driver keeps its own token map). The key's partition is given by its
 * {@link RingPosition} (an MD5), an unsigned 128-bit number: partition p covers [p * 2^128 / Q, (p + 1) * 2^128 / Q). Its preference list
 * walks the owners clockwise from that partition collecting distinct nodes: the first N are the replicas, the rest
 * the fallbacks; members that own no partition come last, by id. A test in this module checks it against the
 * nodes' own code for many random rings.
 */
final class Placement {
    private final int partitions;
    private final int replicas;
    private final String[] owners;
    /** Members that own no partition (only when Q is below the member count), by id. */
    private final List<String> idle;
    private final int distinctOwners;

    private Placement(int partitions, int replicas, String[] owners, List<String> idle) {
        this.partitions = partitions;
        this.replicas = replicas;
        this.owners = owners;
        this.idle = idle;
        this.distinctOwners = (int) Arrays.stream(owners).distinct().count();
    }

    /**
     * @throws IllegalArgumentException when the ring does not describe one owner per partition, each a member
     */
    static Placement of(RingBody ring) {
        int q = ring.partitions();
        List<String> owners = ring.owners();
        if (q < 1 || owners == null || owners.size() != q) {
            throw new IllegalArgumentException("the ring has " + (owners == null ? 0 : owners.size())
                    + " owners for " + q + " partitions");
        }
        Set<String> members = new TreeSet<>();
        for (MemberBody m : ring.members()) {
            members.add(m.node());
        }
        if (!members.containsAll(owners)) {
            throw new IllegalArgumentException("the ring names owners that are not members");
        }
        members.removeAll(owners);
        return new Placement(q, Math.max(1, ring.replicas()), owners.toArray(String[]::new),
                List.copyOf(members));
    }

    /** @param position the key's {@link RingPosition} */
    int partitionOf(byte[] position) {
        BigInteger hash = new BigInteger(1, position);
        return hash.multiply(BigInteger.valueOf(partitions)).shiftRight(128).intValueExact();
    }

    /** The key's preference list: its N replicas, the coordinator first, then the fallbacks. */
    List<String> preferenceList(byte[] position) {
        return preferenceList(partitionOf(position));
    }

    List<String> preferenceList(int partition) {
        Set<String> walk = new LinkedHashSet<>();
        // Stop once every owner is found: a request then walks a few partitions, not all Q of them.
        for (int i = 0; i < partitions && walk.size() < distinctOwners; i++) {
            walk.add(owners[(partition + i) % partitions]);
        }
        List<String> all = new ArrayList<>(walk.size() + idle.size());
        all.addAll(walk);
        all.addAll(idle);
        return all;
    }

    /** N: how many of the preference list hold replicas. */
    int replicas() {
        return replicas;
    }

    int partitions() {
        return partitions;
    }

}
