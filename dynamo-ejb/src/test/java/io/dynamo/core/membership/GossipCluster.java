package io.dynamo.core.membership;

import io.dynamo.core.peer.FailureDetector;
import io.dynamo.core.peer.PeerChannel;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.ClusterTransport;
import io.dynamo.testkit.SimulatedNetwork;
import io.dynamo.testkit.SimulatedScheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** Nodes that run only membership and gossip, on a simulated network and clock, wired as a node would wire them. */
final class GossipCluster {
    static final int Q = 64;
    static final Duration INTERVAL = Duration.ofSeconds(1);

    record Node(MembershipService membership, Gossiper gossiper, ClusterTransport transport, LoadTable loads) {
        Ring ring() {
            return membership.ring().orElse(null);
        }
    }

    final SimulatedScheduler scheduler = new SimulatedScheduler(1_700_000_000_000L);
    final SimulatedNetwork network;
    private final long seed;
    private final Map<String, InMemoryMembershipStore> stores = new HashMap<>();
    private final Map<String, Node> running = new LinkedHashMap<>();

    GossipCluster(long seed) {
        this.seed = seed;
        this.network = new SimulatedNetwork(scheduler, seed);
    }

    InMemoryMembershipStore store(String id) {
        return stores.computeIfAbsent(id, k -> new InMemoryMembershipStore());
    }

    Node start(String id, boolean bootstrap, List<String> seeds) {
        MembershipService membership = MembershipService.open(id, "http://" + id + ":8080", Q, 3, bootstrap, store(id));
        ClusterTransport transport = network.transport(id);
        PeerChannel peers = new PeerChannel(transport, new FailureDetector(scheduler), scheduler,
                Duration.ofMillis(200));
        LoadTable loads = new LoadTable();
        // Each node stores as many keys as its name is long times 100, so a test can tell the loads apart.
        Gossiper gossiper = new Gossiper(membership, peers, scheduler, seeds, INTERVAL,
                new Random(seed * 31 + id.hashCode()), loads, () -> id.length() * 100L);
        transport.serve((from, request) -> request instanceof Gossip gossip ? gossiper.onGossip(from, gossip)
                : CompletableFuture.completedFuture(new Ack()));
        Node node = new Node(membership, gossiper.start(), transport, loads);
        running.put(id, node);
        return node;
    }

    /** Stops the node at once; its store keeps what it saved. */
    void crash(String id) {
        Node node = running.remove(id);
        node.gossiper().close();
        node.transport().close();
    }

    Node node(String id) {
        return running.get(id);
    }

    Map<String, Node> running() {
        return running;
    }

    /** Runs until every running node satisfies the condition; returns the simulated millis it took, or -1. */
    long runUntil(Predicate<Node> condition, Duration limit) {
        long start = scheduler.nowMillis();
        while (scheduler.nowMillis() - start <= limit.toMillis()) {
            if (running.values().stream().allMatch(condition)) {
                return scheduler.nowMillis() - start;
            }
            scheduler.advance(Duration.ofMillis(10));
        }
        return -1;
    }
}
