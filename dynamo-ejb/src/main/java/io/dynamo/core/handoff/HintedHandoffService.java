package io.dynamo.core.handoff;

import io.dynamo.core.base.Key;
import io.dynamo.core.peer.PeerChannel;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.version.SiblingSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Delivers held hints to their targets once they answer again. Each round sends at most {@code maxPerRound}
 * hints per target, one at a time, so delivery after a long outage never starves foreground requests. A hint is
 * removed only after its target acknowledged it, and only if no newer versions were added meanwhile.
 *
 * <p>Hints follow the ring: a hint for a node that is no longer part of the ring (it left, or was replaced) goes to
 * the key's current replicas instead, this node included when it is one, and is removed once every one of them
 * acknowledged it; until then it waits, so nothing is dropped for a target that will never come back for it.
 */
public final class HintedHandoffService {
    /** Where this node stores a copy it replicates itself. */
    @FunctionalInterface
    public interface LocalWrite {
        void write(Key key, SiblingSet versions);
    }

    private final HintStore hints;
    private final PeerChannel peers;
    private final int maxPerRound;
    private final Supplier<Ring> ring;
    private final int replicas;
    private final LocalWrite local;
    private final Set<String> delivering = ConcurrentHashMap.newKeySet();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong rerouted = new AtomicLong();

    /**
     * @param ring     the current ring; may throw while the node knows none (then only targets it routes to get hints)
     * @param replicas N
     */
    public HintedHandoffService(HintStore hints, PeerChannel peers, int maxPerRound, Supplier<Ring> ring, int replicas,
            LocalWrite local) {
        this.hints = hints;
        this.peers = peers;
        this.maxPerRound = maxPerRound;
        this.ring = ring;
        this.replicas = replicas;
        this.local = local;
    }

    /** One delivery round over every target with hints: those this node routes to, and those out of the ring. */
    public void deliverRound() {
        Ring current = currentRing();
        for (String target : hints.targets()) {
            boolean gone = current != null && !current.participants().contains(target);
            if ((gone || peers.detector().routable(target)) && delivering.add(target)) {
                Iterator<Hint> batch = hints.batch(target, maxPerRound).iterator();
                (gone ? reroute(target, batch, current) : deliver(target, batch))
                        .whenComplete((done, failure) -> delivering.remove(target));
            }
        }
    }

    /** Hints of targets no longer in the ring that their keys' current replicas acknowledged, since start. */
    public long reroutedCount() {
        return rerouted.get();
    }

    /** Hints acknowledged by their targets since start. */
    public long deliveredCount() {
        return delivered.get();
    }

    public List<HintQueue> queues() {
        return hints.queues();
    }

    private Ring currentRing() {
        try {
            return ring.get();
        } catch (RuntimeException noRingYet) {
            return null;
        }
    }

    /** Sends each hint to its key's current replicas; removes it once all of them acknowledged it. */
    private CompletableFuture<Void> reroute(String target, Iterator<Hint> batch, Ring current) {
        if (!batch.hasNext()) {
            return CompletableFuture.completedFuture(null);
        }
        Hint hint = batch.next();
        int partition = current.partitioner().partitionOf(hint.key().md5());
        List<CompletableFuture<Boolean>> acks = new ArrayList<>();
        for (String replica : current.holders(partition, replicas)) {
            if (replica.equals(peers.localNode())) {
                local.write(hint.key(), hint.versions());
                acks.add(CompletableFuture.completedFuture(true));
            } else {
                acks.add(peers.call(replica, new WriteReplica(hint.key(), hint.versions(), ""))
                        .handle((reply, failure) -> reply instanceof Ack));
            }
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).thenCompose(all -> {
            if (acks.stream().allMatch(CompletableFuture::join)
                    && hints.remove(target, hint.key(), hint.versions())) {
                rerouted.incrementAndGet();
            }
            return reroute(target, batch, current);
        });
    }

    private CompletableFuture<Void> deliver(String target, Iterator<Hint> batch) {
        if (!batch.hasNext()) {
            return CompletableFuture.completedFuture(null);
        }
        Hint hint = batch.next();
        return peers.call(target, new WriteReplica(hint.key(), hint.versions(), ""))
                .thenCompose(reply -> {
                    if (!(reply instanceof Ack)) {
                        // The target answered but could not store it (for example its disk is full): keep the hint.
                        return CompletableFuture.completedFuture(null);
                    }
                    if (hints.remove(target, hint.key(), hint.versions())) {
                        delivered.incrementAndGet();
                    }
                    return deliver(target, batch);
                });
    }
}
