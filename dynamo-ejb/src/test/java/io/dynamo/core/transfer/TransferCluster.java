package io.dynamo.core.transfer;

import io.dynamo.core.base.Key;
import io.dynamo.core.coordination.LocalReplica;
import io.dynamo.core.handoff.InMemoryHintStore;
import io.dynamo.core.peer.FailureDetector;
import io.dynamo.core.peer.PeerChannel;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.ring.Handover;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionStream;
import io.dynamo.core.ring.Partitioner;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.store.DotSource;
import io.dynamo.core.store.InMemoryStorageEngine;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.store.SiblingLimits;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.ClusterTransport;
import io.dynamo.core.transport.Message;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import io.dynamo.testkit.SimulatedNetwork;
import io.dynamo.testkit.SimulatedScheduler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Nodes that hold data and run partition transfers on a simulated network, each with a minimal request handler
 * that merges {@link TransferBatch} as the node's dispatcher does ({@code local.write(key, versions, "")}).
 * Ring changes are handed to each node directly, as its membership listener would.
 */
final class TransferCluster {
    static final int Q = 64;
    static final int N = 3;

    static final class Node {
        final String id;
        final InMemoryStorageEngine storage = new InMemoryStorageEngine();
        final ReplicaStore store;
        final LocalReplica local;
        final AtomicReference<Ring> ring;
        final PeerChannel peers;
        final PartitionTransfer transfer;
        final AtomicInteger idleCalls = new AtomicInteger();

        Node(String id, Ring initial, SimulatedScheduler scheduler, SimulatedNetwork network,
                TransferSettings settings, PartitionTransfer.Confirmer membership) {
            this.id = id;
            this.ring = new AtomicReference<>(initial);
            this.store = new ReplicaStore(storage, new DotSource(id, storage),
                    Clock.fixed(Instant.ofEpochMilli(scheduler.nowMillis()), ZoneOffset.UTC), 10,
                SiblingLimits.none(id));
            this.local = new LocalReplica(store, new InMemoryHintStore(), scheduler);
            ClusterTransport transport = network.transport(id);
            this.peers = new PeerChannel(transport, new FailureDetector(scheduler), scheduler,
                    Duration.ofMillis(200));
            this.transfer = new PartitionTransfer(id, N, ring::get, store, peers, scheduler, settings);
            transfer.onIdle(idleCalls::incrementAndGet);
            transfer.onCopied(membership);
            transport.serve(this::handle);
        }

        private CompletableFuture<Message> handle(String from, Message request) {
            if (request instanceof TransferBatch batch) {
                batch.states().forEach(s -> local.write(s.key(), s.versions(), ""));
            } else if (request instanceof WriteReplica write) {
                local.write(write.key(), write.versions(), write.hintFor());
            }
            return CompletableFuture.completedFuture(new Ack());
        }

        /** Everything this node stores of one partition. */
        Map<Key, SiblingSet> partition(int p) {
            Map<Key, SiblingSet> out = new TreeMap<>();
            storage.scan(p, Q, out::put);
            return out;
        }

        Optional<TransferProgress> progress(int p) {
            return transfer.progress().stream().filter(t -> t.partition() == p).findFirst();
        }

        /** A write coordinated here, having seen what this node holds (a coordinator with a stale ring). */
        SiblingSet put(String key, String value) {
            Key k = Key.of(key);
            return store.coordinate(k, store.read(k).context(), text(value));
        }
    }

    final SimulatedScheduler scheduler = new SimulatedScheduler(1_700_000_000_000L);
    final SimulatedNetwork network;
    final Map<String, Node> nodes = new LinkedHashMap<>();
    private final TransferSettings settings;
    private Ring ring;

    TransferCluster(long seed, int size, TransferSettings settings) {
        this.network = new SimulatedNetwork(scheduler, seed);
        this.settings = settings;
        this.ring = Ring.initial(Q, IntStream.rangeClosed(1, size)
                .mapToObj(i -> Member.of("n" + i)).toList());
        ring.members().forEach(m -> add(m.nodeId()));
        // Past the first tick, so the start-up sweep is over and cannot mask what a test is about.
        scheduler.advance(settings.tickInterval().plusMillis(1));
    }

    Ring ring() {
        return ring;
    }

    Node add(String id) {
        Node node = new Node(id, ring, scheduler, network, settings, this::confirm);
        nodes.put(id, node);
        node.transfer.start();
        return node;
    }

    Node node(String id) {
        return nodes.get(id);
    }

    /**
     * Every node learns the new ring at once, as handed over from the current one and seen by all (gossip's and the
     * membership's job in a real node); the change ends when every copy is confirmed.
     */
    void changeRing(Ring next) {
        changeRing(next, Set.of());
    }

    /** The same for a change that drops the dead nodes {@code gone}. */
    void changeRing(Ring next, Set<String> gone) {
        Ring handing = next.settled().withHandover(Handover.from(ring, gone));
        for (String id : handing.participants()) {
            handing = handing.seenBy(id);
        }
        install(handing.copiesConfirmed(N) ? handing.settled() : handing);
    }

    private void confirm(long version, PartitionStream stream) {
        if (ring.version() != version) {
            return;
        }
        Ring next = ring.confirming(stream, N);
        install(next.copiesConfirmed(N) ? next.settled() : next);
    }

    private void install(Ring next) {
        Ring before = ring;
        if (next.equals(before)) {
            return;
        }
        ring = next;
        for (Node n : nodes.values()) {
            n.ring.set(next);
            n.transfer.ringChanged(Optional.of(before), next);
        }
    }

    /** Writes {@code count} keys on their N replicas, as a coordinator and replication would. */
    void writeReplicated(int count) {
        for (int i = 0; i < count; i++) {
            String key = "key-" + i;
            List<String> replicas = ring.preferenceList(partitionOf(key), N).replicas();
            SiblingSet versions = node(replicas.get(0)).put(key, "value-" + i);
            replicas.stream().skip(1).forEach(r -> node(r).store.merge(Key.of(key), versions));
        }
    }

    static int partitionOf(String key) {
        return new Partitioner(Q).partitionOfKey(key.getBytes(StandardCharsets.UTF_8));
    }

    boolean idle() {
        return nodes.values().stream().allMatch(n -> n.transfer.idle());
    }

    /** Runs until every node's transfers are done; fails the test if that takes longer than the limit. */
    long runUntilIdle(Duration limit) {
        long start = scheduler.nowMillis();
        scheduler.advance(Duration.ofMillis(1));
        while (!idle()) {
            if (scheduler.nowMillis() - start > limit.toMillis()) {
                throw new AssertionError("transfers not done within " + limit + ": " + progress());
            }
            scheduler.advance(Duration.ofMillis(50));
        }
        return scheduler.nowMillis() - start;
    }

    Map<String, List<TransferProgress>> progress() {
        Map<String, List<TransferProgress>> out = new TreeMap<>();
        nodes.forEach((id, n) -> out.put(id, n.transfer.progress()));
        return out;
    }

    static Value text(String s) {
        return Value.of(s.getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    static String text(Value v) {
        return new String(v.bytes(), StandardCharsets.UTF_8);
    }
}
