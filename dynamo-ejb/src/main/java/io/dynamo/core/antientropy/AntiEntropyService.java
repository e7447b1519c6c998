package io.dynamo.core.antientropy;

import io.dynamo.core.base.Causes;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.store.ReplicaStore;
import io.dynamo.core.time.PeriodicTask;
import io.dynamo.core.time.Scheduler;
import io.dynamo.core.transport.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps this node's replicas in step with the other replicas of each partition. Every interval it takes the next
 * partition it replicates (in ring order) and the next other replica of that partition (in turn) and runs one
 * {@link Exchange}; one exchange at a time, so a slow peer never piles up work. Failures are recorded in the
 * stats and never escape the periodic task.
 */
public final class AntiEntropyService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AntiEntropyService.class.getName());

    private final String localNode;
    private final Supplier<Ring> ring;
    private final int replicas;
    private final ReplicaStore store;
    private final PartitionTrees trees;
    private final PeerCaller peers;
    private final Scheduler scheduler;
    private final AntiEntropySettings settings;
    private final ExchangeResponder responder;
    private final ExchangeLog log = new ExchangeLog();
    private final AtomicInteger nextPartition = new AtomicInteger();
    private final Map<Integer, AtomicInteger> nextPeer = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final PeriodicTask periodic;

    /**
     * @param replicas N: a node takes part in a partition's anti-entropy when it is among the partition's first N
     * @param trees    must be listening to {@code store} ({@code store.listen(trees)})
     */
    public AntiEntropyService(String localNode, Supplier<Ring> ring, int replicas, ReplicaStore store,
            PartitionTrees trees, PeerCaller peers, Scheduler scheduler, AntiEntropySettings settings) {
        if (replicas < 1) {
            throw new IllegalArgumentException("N must be at least 1, got " + replicas);
        }
        this.localNode = localNode;
        this.ring = ring;
        this.replicas = replicas;
        this.store = store;
        this.trees = trees;
        this.peers = peers;
        this.scheduler = scheduler;
        this.settings = settings;
        this.periodic = new PeriodicTask(scheduler, settings.interval(), this::tick);
        this.responder = new ExchangeResponder(localNode, ring, replicas, trees);
    }

    /** Starts the periodic exchanges; idempotent. */
    public void start() {
        periodic.start();
    }

    @Override
    public void close() {
        periodic.close();
    }

    /**
     * Answers a peer's {@link MerkleQuery} or {@link SegmentQuery}. Returns null for any other
     * message, so a node's request dispatcher can offer every message it does not own here first. The answer is
     * computed on the caller's thread (a segment query reads the asked segments from the store) and is a
     * {@link Failure} when this node does not replicate the partition or the request is malformed.
     */
    public CompletableFuture<Message> onMerkleQuery(String from, MerkleQuery query) {
        return CompletableFuture.completedFuture(responder.answer(query.partition(), () -> responder.hashes(query)));
    }

    public CompletableFuture<Message> onSegmentQuery(String from, SegmentQuery query) {
        return CompletableFuture.completedFuture(responder.answer(query.partition(), () -> responder.diff(query)));
    }

    /**
     * The next exchange of the periodic task: the next partition this node replicates that has another replica.
     * Empty when there is none or an exchange is still running; a failed exchange completes normally with empty
     * after being recorded, as the task has nobody to report to.
     */
    public CompletableFuture<Optional<ExchangeResult>> runNext() {
        if (!running.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<ExchangeResult> exchange;
        try {
            Optional<Integer> partition = nextPartition();
            if (partition.isEmpty()) {
                running.set(false);
                return CompletableFuture.completedFuture(Optional.empty());
            }
            exchange = runOnce(partition.get());
        } catch (RuntimeException e) {
            exchange = CompletableFuture.failedFuture(e);
        }
        return exchange.handle((result, failure) -> {
            running.set(false);
            return Optional.ofNullable(result);
        });
    }

    /**
     * Exchanges the partition with its next other replica in turn. Fails with {@link AntiEntropyException} if this
     * node does not replicate the partition or it has no other replica.
     */
    public CompletableFuture<ExchangeResult> runOnce(int partition) {
        List<String> others = otherReplicas(ring.get(), partition);
        if (others.isEmpty()) {
            return CompletableFuture.failedFuture(new AntiEntropyException("partition " + partition
                    + " has no other replica of node " + localNode + " to compare with (N=" + replicas + ")"));
        }
        int turn = nextPeer.computeIfAbsent(partition, p -> new AtomicInteger()).getAndIncrement();
        return exchange(partition, others.get(Math.floorMod(turn, others.size())));
    }

    /** Exchanges every partition this node replicates once, one after the other; failures are only recorded. */
    public CompletableFuture<List<ExchangeResult>> runRound() {
        Ring current = ring.get();
        List<Integer> partitions = new ArrayList<>();
        for (int p = 0; p < current.partitionCount(); p++) {
            if (!otherReplicas(current, p).isEmpty()) {
                partitions.add(p);
            }
        }
        List<ExchangeResult> results = new ArrayList<>();
        return BoundedLoop.run(partitions, 1, p -> runOnce(p).handle((r, failure) -> {
            if (r != null) {
                synchronized (results) {
                    results.add(r);
                }
            }
            return null;
        })).thenApply(done -> List.copyOf(results));
    }

    /** Exchanges one partition with the given peer now, and records the outcome. */
    public CompletableFuture<ExchangeResult> exchange(int partition, String peer) {
        if (peer.equals(localNode)) {
            throw new IllegalArgumentException("node " + localNode + " cannot exchange with itself");
        }
        CompletableFuture<ExchangeResult> exchange;
        try {
            exchange = new Exchange(partition, peer, trees, store, peers, settings).run();
        } catch (RuntimeException e) {
            exchange = CompletableFuture.failedFuture(e);
        }
        return exchange.whenComplete((result, failure) -> {
            if (failure == null) {
                log.succeeded(result, scheduler.nowMillis());
            } else {
                log.failed(partition, peer, Causes.unwrap(failure), scheduler.nowMillis());
            }
        });
    }

    public AntiEntropyStats stats() {
        return log.snapshot();
    }

    public PartitionTrees trees() {
        return trees;
    }

    private void tick() {
        try {
            runNext();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "anti-entropy on node " + localNode + " could not start an exchange", e);
        }
    }

    private Optional<Integer> nextPartition() {
        Ring current = ring.get();
        int q = current.partitionCount();
        int start = nextPartition.getAndIncrement();
        for (int i = 0; i < q; i++) {
            int p = Math.floorMod(start + i, q);
            if (!otherReplicas(current, p).isEmpty()) {
                nextPartition.set(p + 1);
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The partition's other replicas in preference order, or empty if this node is not one of its replicas. */
    private List<String> otherReplicas(Ring current, int partition) {
        PreferenceList list = current.preferenceList(partition, replicas);
        if (!list.isReplica(localNode)) {
            return List.of();
        }
        List<String> others = new ArrayList<>(list.replicas());
        others.remove(localNode);
        return others;
    }
}
