package io.dynamo.core.handoff;

import io.dynamo.core.peer.PeerChannel;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.transport.Ack;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers held hints to their targets once they answer again. Each round sends at most {@code maxPerRound}
 * hints per target, one at a time, so delivery after a long outage never starves foreground requests. A hint is
 * removed only after its target acknowledged it, and only if no newer versions were added meanwhile.
 */
public final class HintedHandoffService {
    private final HintStore hints;
    private final PeerChannel peers;
    private final int maxPerRound;
    private final Set<String> delivering = ConcurrentHashMap.newKeySet();
    private final AtomicLong delivered = new AtomicLong();

    public HintedHandoffService(HintStore hints, PeerChannel peers, int maxPerRound) {
        this.hints = hints;
        this.peers = peers;
        this.maxPerRound = maxPerRound;
    }

    /** One delivery round over every target with hints that this node currently routes to. */
    public void deliverRound() {
        for (String target : hints.targets()) {
            if (peers.detector().routable(target) && delivering.add(target)) {
                deliver(target, hints.batch(target, maxPerRound).iterator())
                        .whenComplete((done, failure) -> delivering.remove(target));
            }
        }
    }

    /** Hints acknowledged by their targets since start. */
    public long deliveredCount() {
        return delivered.get();
    }

    public List<HintQueue> queues() {
        return hints.queues();
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
