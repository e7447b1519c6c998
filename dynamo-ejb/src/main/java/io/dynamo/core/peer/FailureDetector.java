package io.dynamo.core.peer;

import io.dynamo.core.time.Scheduler;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Local failure detection, as in the paper: a peer that misses a request is marked unreachable by the node
 * that saw it, routed around, and marked reachable again as soon as it answers anything (a probe included) or
 * sends a request of its own. No node's opinion is shared; every node forms its own.
 */
public final class FailureDetector {
    private static final double RTT_WEIGHT = 0.2;
    private static final int FAILURES_FOR_DOWN = 3;

    private final Scheduler scheduler;
    private final Map<String, PeerHealth> peers = new ConcurrentHashMap<>();
    private volatile Consumer<PeerHealth> onChange = h -> { };

    public FailureDetector(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public void onChange(Consumer<PeerHealth> listener) {
        this.onChange = listener;
    }

    /** True unless the peer recently failed to answer. */
    public boolean routable(String node) {
        PeerHealth h = peers.get(node);
        return h == null || h.routable();
    }

    public void answered(String node, long rttMillis) {
        PeerHealth before = health(node);
        double rtt = before.rttMillis() < 0 ? rttMillis : before.rttMillis() * (1 - RTT_WEIGHT) + rttMillis * RTT_WEIGHT;
        update(new PeerHealth(node, Reachability.UP, scheduler.nowMillis(), rtt, 0), before);
    }

    /**
     * A request from the peer: proof that it runs and reaches this node, so it is routable again at once instead of
     * at the next probe (a node resumed from a pause hears from its peers before its own probes go out).
     */
    public void heardFrom(String node) {
        PeerHealth before = health(node);
        long now = scheduler.nowMillis();
        if (before.routable() && before.consecutiveFailures() == 0 && before.lastContactMillis() == now) {
            return; // many requests a millisecond under load: nothing to record
        }
        update(new PeerHealth(node, Reachability.UP, now, before.rttMillis(), 0), before);
    }

    /**
     * A request sent at {@code sentAtMillis} went unanswered. Not counted when the peer was heard from after it was
     * sent: that request was lost or held up behind others, and the peer has shown since that it runs.
     */
    public void missed(String node, long sentAtMillis) {
        if (health(node).lastContactMillis() <= sentAtMillis) {
            missed(node);
        }
    }

    public void missed(String node) {
        PeerHealth before = health(node);
        int failures = before.consecutiveFailures() + 1;
        Reachability r = failures >= FAILURES_FOR_DOWN ? Reachability.DOWN : Reachability.SUSPECT;
        update(new PeerHealth(node, r, before.lastContactMillis(), before.rttMillis(), failures), before);
    }

    /** A suspicion from the group layer (for example JGroups' failure detection): route around until it answers. */
    public void suspect(String node) {
        missed(node);
    }

    public PeerHealth health(String node) {
        return peers.getOrDefault(node, PeerHealth.unknown(node));
    }

    /** Every peer this node has an opinion of, by name. */
    public Map<String, PeerHealth> view() {
        return new TreeMap<>(peers);
    }

    private void update(PeerHealth after, PeerHealth before) {
        peers.put(after.node(), after);
        if (after.reachability() != before.reachability()) {
            onChange.accept(after);
        }
    }
}
