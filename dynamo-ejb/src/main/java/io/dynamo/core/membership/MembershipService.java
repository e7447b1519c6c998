package io.dynamo.core.membership;

import io.dynamo.core.base.InvalidConfigException;
import io.dynamo.core.namespace.ClusterLimits;
import io.dynamo.core.namespace.NamespaceCatalog;
import io.dynamo.core.namespace.NamespaceChange;
import io.dynamo.core.namespace.NamespacePlanner;
import io.dynamo.core.ring.Handover;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.PartitionStream;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingChange;
import io.dynamo.core.ring.RingSettings;
import io.dynamo.core.ring.RingTransition;
import java.util.List;
import java.util.function.Consumer;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's membership state: read lock-free, changed only by merging what gossip brings or by committing an
 * admin's plan. Every change is saved before it becomes visible, so a node restarts with what it last acted on;
 * listeners hear of ring changes in the order they happened (changes are serialised).
 */
public final class MembershipService {
    private static final Logger LOG = Logger.getLogger(MembershipService.class.getName());

    private final String localNode;
    private final SelfRecord self;
    private final int partitions;
    /** This node's own N: what a ring of an older release, which keeps no settings, is walked with. */
    private final int ownReplicas;
    private final RingSettings settings;
    private final MembershipStore store;
    private volatile String refusedRing = "";
    private volatile RingSettings notedSettings;
    private final AtomicReference<MembershipState> state = new AtomicReference<>();
    private final List<RingChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<NamespaceCatalog>> catalogListeners = new CopyOnWriteArrayList<>();

    private MembershipService(SelfRecord self, int partitions, RingSettings settings, MembershipStore store,
            MembershipState initial) {
        this.localNode = self.localNode();
        this.self = self;
        this.partitions = partitions;
        this.ownReplicas = settings.replicas();
        this.settings = settings;
        this.store = store;
        initial.ring().ifPresent(r -> noteSettings(r, "the stored ring"));
        MembershipState advanced = advance(initial);
        store.save(advanced);
        state.set(advanced);
    }

    /**
     * Loads the stored state, or starts afresh: with a one-node ring of Q partitions when {@code bootstrap} (the
     * first node of a new cluster), else with no ring, to be learned from the seeds. A stored state always wins
     * over {@code bootstrap}, so restarting a bootstrapped node never forks the cluster.
     *
     * @param httpAddress where this node's REST API answers, gossiped for clients and the console; may be empty
     * @param partitions  Q from the node's settings; a stored or gossiped ring with another Q is refused
     * @param replicas    N, which decides what copies a ring change needs before reads move
     */
    public static MembershipService open(String localNode, String httpAddress, int partitions, int replicas,
            boolean bootstrap, MembershipStore store) {
        return open(localNode, httpAddress, partitions, RingSettings.majority(replicas), bootstrap, store);
    }

    /**
     * @param settings N, R and W from the node's settings: a new cluster's ring keeps them (and a ring of an older
     *                 release, which keeps none, gets them at its next change); a ring that keeps others wins, the
     *                 node saying so in its log, since they change only through a plan
     */
    public static MembershipService open(String localNode, String httpAddress, int partitions,
            RingSettings settings, boolean bootstrap, MembershipStore store) {
        Objects.requireNonNull(httpAddress, "httpAddress");
        MembershipState initial = store.load().orElse(MembershipState.EMPTY);
        initial.ring().ifPresent(r -> requireSameQ(r, partitions, "the stored ring"));
        if (initial.ring().isEmpty() && bootstrap) {
            initial = initial.withRing(Ring.single(localNode, partitions).withSettings(settings));
        }
        if (initial.node(localNode).isEmpty()) {
            initial = initial.withNode(new NodeInfo(localNode, httpAddress, NodeStatus.JOINING, 1));
        }
        SelfRecord self = new SelfRecord(localNode, httpAddress);
        return new MembershipService(self, partitions, settings, store, self.reconcile(initial));
    }

    public String localNode() {
        return localNode;
    }

    public MembershipState state() {
        return state.get();
    }

    public Optional<Ring> ring() {
        return state.get().ring();
    }

    /** The current ring for the request path; throws {@link RingUnknownException} while there is none. */
    public Supplier<Ring> ringView() {
        return () -> state.get().ring().orElseThrow(() -> refusedRing.isEmpty()
                ? new RingUnknownException(localNode) : new RingUnknownException(localNode, refusedRing));
    }

    /** What this node is set to: Q, N, R and W. */
    public NodeSettings ownSettings() {
        return new NodeSettings(partitions, settings);
    }

    /**
     * The cluster's N, R and W: its ring's, or this node's own while it knows no ring or the ring (of an older
     * release) keeps none.
     */
    public RingSettings settings() {
        return state.get().ring().flatMap(Ring::settings).orElse(settings);
    }

    /** N, the replicas of each key, as {@link #settings()} gives it. */
    public int replicas() {
        return settings().replicas();
    }

    public void onRingChange(RingChangeListener listener) {
        listeners.add(listener);
    }

    /** Told of every new catalog of namespaces, in order, after it is saved. */
    public void onNamespacesChange(Consumer<NamespaceCatalog> listener) {
        catalogListeners.add(listener);
    }

    /**
     * Plans the change from the catalog and commits it here (gossip spreads it), if the catalog is still the one at
     * {@code fromVersion}, the version the reviewed plan started from.
     *
     * @throws StalePlanException when the catalog changed since
     */
    public synchronized NamespaceCatalog commitNamespaces(long fromVersion, NamespaceChange change,
                                                          ClusterLimits limits) {
        MembershipState current = state.get();
        long version = current.namespaces().version();
        if (version != fromVersion) {
            throw new StalePlanException(fromVersion, version, "the plan was made from namespace catalog v"
                    + fromVersion + " but node " + localNode + " has catalog v" + version + "; the namespaces changed"
                    + " since the plan was made: plan again and review it");
        }
        NamespaceCatalog next = NamespacePlanner.plan(current.namespaces(), change, limits);
        install(current.withNamespaces(next));
        return next;
    }

    /** What joining {@code newcomer} would move; nothing changes until {@link #commit}. */
    public PartitionPlan planJoin(Member newcomer) {
        return RingTransition.join(ringView().get(), newcomer);
    }

    /** What the node's leaving would move; nothing changes until {@link #commit}. */
    public PartitionPlan planLeave(String nodeId) {
        return RingTransition.leave(ringView().get(), nodeId);
    }

    /**
     * Makes the plan's ring this node's ring, handing over from the current one (gossip then spreads it), and marks
     * removed nodes LEAVING (even if they are down); each added node marks itself JOINED once the ring reaches it.
     * Refused with {@link StalePlanException} unless the plan starts from exactly the current ring, so two admins
     * cannot both apply plans made from the same ring on one node, and with {@link RingChangingException} while the
     * last change is still under way.
     */
    public synchronized MembershipState commit(PartitionPlan plan) {
        return commit(plan, Set.of());
    }

    /**
     * Commits the plan, dropping the dead nodes {@code gone} (removed, or replaced while down): they take no part
     * in the change, the surviving replicas copy their partitions, and they are marked LEFT at once.
     */
    public synchronized MembershipState commit(PartitionPlan plan, Set<String> gone) {
        return commit(plan, gone, true);
    }

    /**
     * @param stampSettings whether a ring of an older release, which keeps no settings, gets this node's with the
     *                      change: only once every node reads rings that keep them
     */
    public synchronized MembershipState commit(PartitionPlan plan, Set<String> gone, boolean stampSettings) {
        MembershipState current = state.get();
        Ring ring = current.ring().orElseThrow(() -> new RingUnknownException(localNode));
        if (!plan.from().sameLayout(ring)) {
            throw new StalePlanException(plan.from().version(), ring.version(), "the plan was made from ring v"
                    + plan.from().version() + " but node " + localNode + " now has ring v" + ring.version()
                    + (plan.from().version() == ring.version() ? " (another change of the same version won)" : "")
                    + "; the ring changed since the plan was made: plan again and review the new plan");
        }
        Handover underWay = ring.handover().orElse(null);
        if (underWay != null && !amends(plan, gone)) {
            throw new RingChangingException(ring.version(), "ring v" + ring.version() + " is still being handed over"
                    + " on node " + localNode + " (" + progress(ring) + "); commit the next change once"
                    + " GET /admin/ring shows no change under way (only a remove, or a replace, of a node that is"
                    + " down can amend a change under way)");
        }
        requireSameQ(plan.to(), partitions, "the plan's ring");
        Ring to = plan.to().settings().isPresent() || !stampSettings ? plan.to() : plan.to().withSettings(settings);
        MembershipState next = current.withRing(to.settled().withHandover(underWay == null
                ? Handover.from(ring, gone) : amended(underWay, gone)));
        for (Member m : plan.to().members()) {
            if (next.node(m.nodeId()).isEmpty()) {
                // A newcomer marks itself JOINED when it sees itself in the ring, so JOINED means "it knows".
                next = next.withNode(new NodeInfo(m.nodeId(), "", NodeStatus.JOINING, 1));
            }
        }
        for (Member m : ring.members()) {
            if (gone.contains(m.nodeId())) {
                next = next.withNode(next.node(m.nodeId()).map(n -> n.withStatus(NodeStatus.LEFT))
                        .orElse(new NodeInfo(m.nodeId(), "", NodeStatus.LEFT, 1)));
            } else if (!plan.to().contains(m.nodeId())) {
                next = next.withNode(leaving(next, m.nodeId()));
            }
        }
        install(advance(self.reconcile(next)));
        return state.get();
    }

    /**
     * True when every change of the plan drops a dead node (a remove, or a replace of a node that is down): such a
     * plan may amend a change under way, which could otherwise never end without the dead node.
     */
    private static boolean amends(PartitionPlan plan, Set<String> gone) {
        return !plan.changes().isEmpty() && plan.changes().stream().allMatch(c -> gone.contains(c.node())
                && (c.kind() == RingChange.Kind.REMOVE || c.kind() == RingChange.Kind.REPLACE));
    }

    /**
     * The change under way amended to lead to the plan's ring instead: it still starts from the ring before it,
     * whose replicas had every acknowledged write, so the copies are made afresh from them and nothing seen, copied
     * or switched carries over (the dead nodes of both drop out of it).
     */
    private static Handover amended(Handover underWay, Set<String> gone) {
        Ring before = underWay.previous();
        Set<String> dropped = new TreeSet<>(underWay.gone());
        gone.stream().filter(before::contains).forEach(dropped::add);
        return Handover.from(before, dropped);
    }

    /**
     * Records that this node copied a partition to its new replica for the ring change of version
     * {@code ringVersion}; does nothing when the ring has moved on or the change does not need that copy.
     */
    public synchronized void confirm(long ringVersion, PartitionStream stream) {
        MembershipState current = state.get();
        Ring ring = current.ring().orElse(null);
        if (ring == null || ring.version() != ringVersion) {
            return;
        }
        Ring next = ring.confirming(stream, ownReplicas);
        if (next != ring) {
            install(advance(current.withRing(next)));
        }
    }

    /**
     * Moves the ring change on as far as this node can: it records that it has seen the change, that it reads
     * from the new replicas once every copy is confirmed, and ends the change once every participant does.
     */
    private MembershipState advance(MembershipState s) {
        Ring ring = s.ring().orElse(null);
        if (ring == null || ring.handover().isEmpty()) {
            return s;
        }
        Ring next = ring;
        if (next.participants().contains(localNode)) {
            next = next.seenBy(localNode);
            if (next.copiesConfirmed(ownReplicas)) {
                next = next.switchedBy(localNode);
            }
        }
        if (next.switchedByAll()) {
            next = next.settled();
        }
        return next == ring ? s : s.withRing(next);
    }

    /** How far a change has come, for messages: e.g. "seen by 4 of 5 nodes, 12 of 40 copies confirmed". */
    private String progress(Ring ring) {
        Handover h = ring.handover().orElseThrow();
        int participants = ring.participants().size();
        return "seen by " + h.seen().size() + " of " + participants + " nodes, " + h.confirmed().size() + " of "
                + ring.streams(ownReplicas).size() + " copies confirmed, " + h.switched().size() + " of " + participants
                + " nodes reading from the new replicas";
    }

    /**
     * Merges a state heard from a peer and returns this node's state afterwards (what a gossip reply carries).
     *
     * @throws IllegalArgumentException when its ring has another Q: the peer belongs to another cluster
     */
    public synchronized MembershipState merge(MembershipState incoming) {
        try {
            incoming.ring().ifPresent(r -> requireSameQ(r, partitions, "a gossiped ring"));
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().equals(refusedRing)) {
                LOG.warning("node " + localNode + " refused the ring gossiped by a peer: " + e.getMessage());
            }
            refusedRing = e.getMessage();
            throw e;
        }
        incoming.ring().ifPresent(r -> noteSettings(r, "a gossiped ring"));
        MembershipState current = state.get();
        MembershipState merged = advance(self.reconcile(current.merge(incoming)));
        if (!merged.equals(current)) {
            install(merged);
        }
        return state.get();
    }

    /**
     * Records that this node, taken out of the ring, has handed off all its data and may be shut down: a LEAVING
     * node becomes LEFT. Meant for the partition transfer's idle callback; does nothing (and returns false) for a
     * node that is in the ring, knows no ring, or is not LEAVING.
     */
    public synchronized boolean markLeft() {
        MembershipState current = state.get();
        NodeInfo record = current.node(localNode).orElse(null);
        // Out of the ring once its change is over: until then the node still holds copies others read.
        boolean out = current.ring().map(r -> !r.participants().contains(localNode)).orElse(false);
        if (!out || record == null || record.status() != NodeStatus.LEAVING) {
            return record != null && out && record.status() == NodeStatus.LEFT;
        }
        install(current.withNode(record.withStatus(NodeStatus.LEFT)));
        return true;
    }

    private static NodeInfo leaving(MembershipState state, String nodeId) {
        return state.node(nodeId).map(n -> n.status() == NodeStatus.LEAVING ? n : n.withStatus(NodeStatus.LEAVING))
                .orElse(new NodeInfo(nodeId, "", NodeStatus.LEAVING, 1));
    }

    /** Saves, publishes, then tells the listeners; callers hold the lock, so changes reach listeners in order. */
    private void install(MembershipState next) {
        store.save(next);
        MembershipState before = state.getAndSet(next);
        if (!before.namespaces().equals(next.namespaces())) {
            LOG.info(() -> "node " + localNode + " namespaces " + before.namespaces() + " -> " + next.namespaces());
            for (Consumer<NamespaceCatalog> l : catalogListeners) {
                try {
                    l.accept(next.namespaces());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a namespace listener failed on node " + localNode, e);
                }
            }
        }
        Optional<Ring> oldRing = before.ring();
        Ring newRing = next.ring().orElse(null);
        if (newRing == null || oldRing.map(newRing::equals).orElse(false)) {
            return;
        }
        // A change's progress (seen, copied, switched) moves often: only its start and end are worth an INFO line.
        boolean progressOnly = oldRing.map(newRing::sameLayout).orElse(false) && newRing.handover().isPresent();
        LOG.log(progressOnly ? Level.FINE : Level.INFO, () -> "node " + localNode + " ring "
                + oldRing.map(Ring::toString).orElse("(none)") + " -> " + newRing);
        for (RingChangeListener l : listeners) {
            try {
                l.ringChanged(oldRing, newRing);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a ring change listener failed on node " + localNode, e);
            }
        }
    }

    /**
     * Says once in the log when the cluster keeps other settings than this node's own: the node uses the cluster's
     * (they changed through a plan, or its own are out of date), and its own matter only to a cluster's first node.
     */
    private void noteSettings(Ring ring, String what) {
        RingSettings cluster = ring.settings().orElse(settings);
        if (!cluster.equals(settings) && !cluster.equals(notedSettings)) {
            notedSettings = cluster;
            LOG.warning(what + " (v" + ring.version() + ") keeps the cluster's " + cluster + " while node " + localNode
                    + " is set to " + settings + "; the node uses the cluster's (change them with POST"
                    + " /admin/settings; set dynamo.n, dynamo.r and dynamo.w to match to quiet this warning)");
        }
    }

    private static void requireSameQ(Ring ring, int partitions, String what) {
        if (ring.partitionCount() != partitions) {
            String msg = what + " has Q=" + ring.partitionCount() + " partitions but this node is set to Q="
                    + partitions + "; Q is fixed for a cluster's life: is this node pointed at another cluster?";
            if (what.startsWith("the stored")) {
                throw new InvalidConfigException("setting dynamo.q: " + msg);
            }
            throw new IllegalArgumentException(msg);
        }
    }
}
