package io.dynamo.core.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The time from a call to its reply, per peer, in microseconds, and the calls each peer did not answer. Memory is
 * bounded: at most {@link #MAX_PEERS} peers are tracked (a cluster's nodes, with room for those replaced over its
 * life); calls to any further peer are not counted.
 */
public final class PeerLatencies {
    public static final int MAX_PEERS = 256;
    /** Upper bounds in microseconds: 0.25 ms to 5 s. */
    static final long[] BOUNDS_MICROS = {250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000,
            500_000, 1_000_000, 2_500_000, 5_000_000};

    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private volatile Consumer<String> onNewPeer = peer -> { };

    /** Told once of each peer as it is first counted, so that an adapter can expose it. */
    public void onNewPeer(Consumer<String> listener) {
        this.onNewPeer = listener;
    }

    public void answered(String peer, long micros) {
        Peer p = peer(peer);
        if (p != null) {
            p.latency.record(micros);
        }
    }

    public void missed(String peer) {
        Peer p = peer(peer);
        if (p != null) {
            p.missed.increment();
        }
    }

    /** Every peer counted so far, by name. */
    public Map<String, Snapshot> snapshot() {
        Map<String, Snapshot> copy = new TreeMap<>();
        peers.keySet().forEach(name -> copy.put(name, snapshot(name)));
        return copy;
    }

    /** One peer's counts; zero for a peer not counted. */
    public Snapshot snapshot(String peer) {
        Peer p = peers.get(peer);
        return p == null ? new Snapshot(new BucketCounts(BOUNDS_MICROS).snapshot(), 0)
                : new Snapshot(p.latency.snapshot(), p.missed.sum());
    }

    private Peer peer(String name) {
        Peer p = peers.get(name);
        if (p != null || peers.size() >= MAX_PEERS) {
            return p;
        }
        boolean[] created = {false};
        p = peers.computeIfAbsent(name, n -> {
            created[0] = true;
            return new Peer();
        });
        if (created[0]) {
            onNewPeer.accept(name);
        }
        return p;
    }

    /**
     * @param latencyMicros the answered calls' times from call to reply, in microseconds
     * @param missed        calls that failed or timed out
     */
    public record Snapshot(BucketCounts.Snapshot latencyMicros, long missed) {
    }

    private static final class Peer {
        final BucketCounts latency = new BucketCounts(BOUNDS_MICROS);
        final LongAdder missed = new LongAdder();
    }
}
