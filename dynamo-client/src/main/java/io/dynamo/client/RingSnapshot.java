package io.dynamo.client;

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
    private final long version;
    private final Placement placement;
    private final Map<String, URI> addresses;
    private final Map<URI, String> ids;
    private final List<URI> nodes;

    /**
     * @param version   the ring's version; 0 without a ring
     * @param placement null when the ring is unknown: requests then go round-robin over the known nodes
     * @param addresses base URI by node id, for the nodes whose address is known
     * @param seeds     the configured seeds, tried after every node the ring names
     */
    RingSnapshot(long version, Placement placement, Map<String, URI> addresses, List<URI> seeds) {
        this.version = version;
        this.placement = placement;
        this.addresses = Map.copyOf(addresses);
        Map<URI, String> byUri = new HashMap<>();
        addresses.forEach((id, uri) -> byUri.put(uri, id));
        this.ids = Map.copyOf(byUri);
        Set<URI> all = new LinkedHashSet<>(new TreeMap<>(addresses).values());
        all.addAll(seeds);
        this.nodes = List.copyOf(all);
    }

    static RingSnapshot seedsOnly(List<URI> seeds) {
        return new RingSnapshot(0, null, Map.of(), seeds);
    }

    boolean hasRing() {
        return placement != null;
    }

    /** 0 without a ring (real rings start at 1). */
    long version() {
        return version;
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
    List<Candidate> candidates(byte[] position, int spread) {
        List<Candidate> out = new ArrayList<>(nodes.size() + 4);
        Set<URI> seen = new LinkedHashSet<>();
        if (placement != null && position != null) {
            List<String> list = placement.preferenceList(position);
            String head = list.get(0);
            for (String id : list) {
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
        return (placement == null ? "no ring" : "ring v" + version + " Q=" + placement.partitions()) + " nodes="
                + nodes;
    }
}
