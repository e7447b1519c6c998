package io.dynamo.core.membership;

import io.dynamo.core.peer.PeerChannel;
import io.dynamo.core.time.PeriodicTask;
import io.dynamo.core.time.Scheduler;
import io.dynamo.core.transport.Failure;
import io.dynamo.core.transport.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Spreads the membership state by anti-entropy gossip, as in the paper: every interval this node sends its whole
 * state to one random peer, the peer merges it and answers with its merged state, and this node merges the answer.
 * Peers are drawn from the ring's members, the nodes the state knows (except those that LEFT) and the configured
 * seeds; reachable ones first, so a dead node costs a round only when nobody else is left. Gossip calls go through
 * the node's {@link PeerChannel}, so they also keep the failure detector's view fresh. Each message also carries the
 * {@link LoadTable}, with this node's key count measured afresh every round.
 */
public final class Gossiper implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Gossiper.class.getName());

    private final MembershipService membership;
    private final PeerChannel peers;
    private final Scheduler scheduler;
    private final List<String> seeds;
    private final Duration interval;
    private final Random random;
    private final LoadTable loads;
    private final LongSupplier keysStored;
    private final PeriodicTask periodic;

    /**
     * @param random     the only source of peer choice; seeded in simulations so runs replay
     * @param loads      where this node keeps every node's load
     * @param keysStored counts this node's keys (called once per round)
     */
    public Gossiper(MembershipService membership, PeerChannel peers, Scheduler scheduler, List<String> seeds,
            Duration interval, Random random, LoadTable loads, LongSupplier keysStored) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the gossip interval must be positive, got " + interval);
        }
        this.membership = membership;
        this.peers = peers;
        this.scheduler = scheduler;
        this.seeds = List.copyOf(seeds);
        this.interval = interval;
        this.periodic = new PeriodicTask(scheduler, interval, this::round);
        this.random = random;
        this.loads = loads;
        this.keysStored = keysStored;
    }

    /** Starts a round every interval; idempotent. */
    public Gossiper start() {
        periodic.start();
        return this;
    }

    @Override
    public void close() {
        periodic.close();
    }

    /**
     * Answers a peer's {@link Gossip} with this node's merged state. Returns null for any other message, so
     * a request dispatcher can offer it every message it does not own.
     */
    public CompletableFuture<Message> onGossip(String from, Gossip gossip) {
        try {
            loads.merge(gossip.loads());
            return CompletableFuture.completedFuture(new Gossip(membership.merge(gossip.state()),
                    loads.snapshot()));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Failure(Failure.Kind.INVALID_REQUEST,
                    "node " + membership.localNode() + " refused gossip from " + from + ": " + e.getMessage(), 0, 0));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Failure(Failure.Kind.STORAGE,
                    "node " + membership.localNode() + " could not keep gossip from " + from + ": " + e.getMessage(),
                    0, 0));
        }
    }

    /**
     * One round: exchanges states with a random peer. Completes with the peer, or empty when there was none to
     * ask; never fails (an unreachable or refusing peer is logged and the next round picks again).
     */
    public CompletableFuture<Optional<String>> gossipOnce() {
        measureOwnLoad();
        Optional<String> peer;
        try {
            peer = pickPeer();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "node " + membership.localNode() + " could not pick a gossip peer", e);
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (peer.isEmpty()) {
            return CompletableFuture.completedFuture(peer);
        }
        String target = peer.get();
        return peers.call(target, new Gossip(membership.state(), loads.snapshot())).handle((reply, failure) -> {
            try {
                if (reply instanceof Gossip answer) {
                    loads.merge(answer.loads());
                    membership.merge(answer.state());
                } else if (reply instanceof Failure f) {
                    LOG.warning("node " + target + " refused gossip from " + membership.localNode() + ": "
                            + f.message());
                } else if (failure != null) {
                    LOG.fine(() -> "gossip with " + target + " failed: " + failure);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "node " + membership.localNode() + " could not merge gossip from " + target, e);
            }
            return peer;
        });
    }

    /** Everyone this node may gossip with, sorted (so the seeded choice replays). */
    public List<String> candidates() {
        MembershipState state = membership.state();
        TreeSet<String> all = new TreeSet<>(seeds);
        state.ring().ifPresent(r -> r.members().forEach(m -> all.add(m.nodeId())));
        state.nodes().values().stream().filter(n -> n.status() != NodeStatus.LEFT)
                .forEach(n -> all.add(n.nodeId()));
        all.remove(membership.localNode());
        return new ArrayList<>(all);
    }

    private Optional<String> pickPeer() {
        List<String> all = candidates();
        List<String> routable = all.stream().filter(peers.detector()::routable).toList();
        List<String> from = routable.isEmpty() ? all : routable;
        if (from.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(from.get(random.nextInt(from.size())));
    }

    private void round() {
        gossipOnce();
    }

    private void measureOwnLoad() {
        try {
            loads.recordOwn(membership.localNode(), keysStored.getAsLong(), scheduler.nowMillis(),
                    membership.ownSettings());
        } catch (RuntimeException e) {
            // A storage problem must not stop membership gossip; the last count stays until the next round.
            LOG.log(Level.FINE, "node " + membership.localNode() + " could not count its keys", e);
        }
    }
}
