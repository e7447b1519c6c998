package io.dynamo.jaxrs.client;

import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.ring.Ring;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the client knows of the cluster at one moment: the ring (when it could fetch one), N, and where each node's
 * API answers. Immutable, so requests read it without locks and a refresh swaps it whole.
 */
final class RingSnapshot {
    private final Ring ring;
    private final int replicas;
    private final Map<String, URI> addresses;
    private final Map<URI, String> ids;
    private final List<URI> nodes;

    /**
     * @param ring      null when unknown: requests then go round-robin over the known nodes
     * @param addresses base URI by node id, for the nodes whose address is known
     * @param seeds     the configured seeds, tried after every node the ring names
     */
    RingSnapshot(Ring ring, int replicas, Map<String, URI> addresses, List<URI> seeds) {
        this.ring = ring;
        this.replicas = replicas;
        this.addresses = Map.copyOf(addresses);
        Map<URI, String> byUri = new HashMap<>();
        addresses.forEach((id, uri) -> byUri.put(uri, id));
        this.ids = Map.copyOf(byUri);
        Set<URI> all = new LinkedHashSet<>(new TreeMap<>(addresses).values());
        all.addAll(seeds);
        this.nodes = List.copyOf(all);
    }

    static RingSnapshot seedsOnly(List<URI> seeds) {
        return new RingSnapshot(null, 0, Map.of(), seeds);
    }

    boolean hasRing() {
        return ring != null;
    }

    /** 0 without a ring (real rings start at 1). */
    long version() {
        return ring == null ? 0 : ring.version();
    }

    Ring ring() {
        return ring;
    }

    /** Every known node, addressed nodes first (by id), then the seeds. */
    List<URI> nodes() {
        return nodes;
    }

    String nodeIdOf(URI base) {
        return ids.get(base);
    }

    /**
     * Where a request for the key may go, best first: the key's preference list (replicas, coordinator first, then
     * the fallbacks), then every other known node. Without a ring, or for a request without a key, every known node,
     * rotated by {@code spread} so that load goes round-robin.
     */
    List<Candidate> candidates(byte[] keyBytes, int spread) {
        List<Candidate> out = new ArrayList<>(nodes.size() + 4);
        Set<URI> seen = new LinkedHashSet<>();
        if (ring != null && keyBytes != null) {
            int partition = ring.partitioner().partitionOfKey(keyBytes);
            PreferenceList list = ring.preferenceList(partition, Math.max(1, replicas));
            String head = list.replicas().get(0);
            for (String id : list.all()) {
                URI uri = addresses.get(id);
                if (uri != null && seen.add(uri)) {
                    out.add(new Candidate(uri, id, id.equals(head)));
                }
            }
        }
        List<URI> rest = new ArrayList<>(nodes);
        if (!rest.isEmpty()) {
            Collections.rotate(rest, -Math.floorMod(spread, rest.size()));
        }
        for (URI uri : rest) {
            if (seen.add(uri)) {
                out.add(new Candidate(uri, ids.get(uri), false));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return (ring == null ? "no ring" : ring.toString()) + " nodes=" + nodes;
    }
}
