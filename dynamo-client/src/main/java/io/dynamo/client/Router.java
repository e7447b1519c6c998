package io.dynamo.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Chooses the nodes a request goes to, and keeps the client's view of the ring fresh.
 *
 * <p>There is no background thread: a request that finds the view due for a refresh (every refresh interval, or
 * once per higher ring version a node announced) fetches it first. Only one thread refreshes at a time; the others
 * carry on with the view they have, so a slow or failing refresh never blocks or fails a request. Nodes that did
 * not answer are avoided for a while (tried last, not dropped: a request still goes to them when nothing else is
 * left).
 */
final class Router {
    private final List<URI> seeds;
    private final Clock clock;
    private final long refreshMillis;
    private final long downMillis;
    /** Fetches a new view from the first of the given nodes that can give one; null when none could. */
    private final Function<List<URI>, RingSnapshot> source;

    private final AtomicReference<RingSnapshot> snapshot;
    private final Map<URI, Long> downUntil = new ConcurrentHashMap<>();
    private final AtomicInteger spread = new AtomicInteger();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile long nextRefreshAt = Long.MIN_VALUE;
    /** The highest ring version a node announced, who announced it, and the highest one a refresh already chased. */
    private volatile long announced;
    private volatile URI announcedBy;
    private volatile long chased;

    Router(List<URI> seeds, Clock clock, Duration refreshInterval, Duration downFor,
           Function<List<URI>, RingSnapshot> source) {
        this.seeds = List.copyOf(seeds);
        this.clock = clock;
        this.refreshMillis = refreshInterval.toMillis();
        this.downMillis = downFor.toMillis();
        this.source = source;
        this.snapshot = new AtomicReference<>(RingSnapshot.seedsOnly(this.seeds));
    }

    RingSnapshot snapshot() {
        return snapshot.get();
    }

    /** Where to send a request for the key at this {@link RingPosition} (null for any node), best first; refreshes the view first when due. */
    Route route(byte[] position) {
        refreshIfDue();
        RingSnapshot view = snapshot.get();
        List<Candidate> all = view.candidates(position, spread.getAndIncrement());
        return new Route(view.version(), upFirst(all));
    }

    /**
     * Where a long-lived request (an event stream) goes: the first seed that is up, else the first other known node
     * that is up, else the first seed. Stable, unlike the round-robin of {@link #route}, so a stream stays on its
     * node until that node fails. Refreshes the view first when due.
     */
    URI steady() {
        refreshIfDue();
        Set<URI> order = new LinkedHashSet<>(seeds);
        order.addAll(snapshot.get().nodes());
        for (URI node : order) {
            if (!isDown(node)) {
                return node;
            }
        }
        return seeds.get(0);
    }

    /** A request's plan: the nodes in order, and the ring version they were chosen by. */
    record Route(long ringVersion, List<Candidate> candidates) {
    }

    /** A node's answer carried the ring version it knows; a newer one than ours makes our view due. */
    synchronized void announced(long ringVersion, URI by) {
        if (ringVersion > announced && ringVersion > snapshot.get().version()) {
            announcedBy = by;
            announced = ringVersion;
        }
    }

    void down(URI node) {
        downUntil.put(node, clock.millis() + downMillis);
    }

    void up(URI node) {
        downUntil.remove(node);
    }

    boolean isDown(URI node) {
        Long until = downUntil.get(node);
        if (until == null) {
            return false;
        }
        if (clock.millis() >= until) {
            downUntil.remove(node, until);
            return false;
        }
        return true;
    }

    /** Fetches the view now, unless another thread is already doing so. */
    void refresh() {
        if (refreshing.compareAndSet(false, true)) {
            try {
                long target = announced;
                chased = Math.max(chased, target);
                RingSnapshot fresh = source.apply(refreshOrder());
                // A lagging node may hand out an older ring than one we already have: keep the newer.
                if (fresh != null && fresh.version() >= snapshot.get().version()) {
                    snapshot.set(fresh);
                }
                nextRefreshAt = clock.millis() + refreshMillis;
            } finally {
                refreshing.set(false);
            }
        }
    }

    private void refreshIfDue() {
        long version = snapshot.get().version();
        boolean stale = announced > version && announced > chased;
        if (stale || clock.millis() >= nextRefreshAt) {
            refresh();
        }
    }

    /** The node that announced a newer ring first (it has it), then every known node that is up, then the rest. */
    private List<URI> refreshOrder() {
        Set<URI> order = new LinkedHashSet<>();
        URI by = announcedBy;
        if (by != null && announced > snapshot.get().version()) {
            order.add(by);
        }
        for (Candidate c : upFirst(snapshot.get().candidates(null, spread.getAndIncrement()))) {
            order.add(c.base());
        }
        order.addAll(seeds);
        return new ArrayList<>(order);
    }

    private List<Candidate> upFirst(List<Candidate> candidates) {
        List<Candidate> up = new ArrayList<>(candidates.size());
        List<Candidate> down = new ArrayList<>();
        for (Candidate c : candidates) {
            (isDown(c.base()) ? down : up).add(c);
        }
        up.addAll(down);
        return up;
    }
}
