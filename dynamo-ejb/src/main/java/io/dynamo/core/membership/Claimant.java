package io.dynamo.core.membership;

import io.dynamo.core.base.Causes;
import io.dynamo.core.namespace.Namespace;
import io.dynamo.core.peer.PeerChannel;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingChange;
import io.dynamo.core.ring.RingSettings;
import io.dynamo.core.ring.RingTransition;
import io.dynamo.core.transport.Message;
import io.dynamo.core.transport.UnreachableException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

/**
 * One change at a time, cluster-wide: every ring change is committed by the claimant, the ring's first member by
 * node id that the asking node can reach (Riak's claimant). A node asked to commit forwards the change to the
 * claimant, which plans it again from its own ring and commits it there, one after another. So two changes
 * committed at once through two nodes cannot both win: the second is planned from a ring that is no longer the
 * claimant's, and is refused (409 {@code stale_plan} or {@code ring_changing}) instead of being dropped by gossip.
 * While the first member is down the next one claims, so that a dead claimant can itself be removed or replaced;
 * only nodes that disagree on which members are down (a partition) could then each commit one change at once, and
 * gossip would keep one of them.
 */
public final class Claimant {
    private final MembershipService membership;
    private final PeerChannel peers;
    private final LoadTable loads;

    /** @param loads what every node says it is set to, gossiped with its load */
    public Claimant(MembershipService membership, PeerChannel peers, LoadTable loads) {
        this.membership = membership;
        this.peers = peers;
        this.loads = loads;
    }

    /** The node that commits the ring's changes when every member is up. */
    public static String of(Ring ring) {
        return ring.members().get(0).nodeId();
    }

    /** The first member by node id that {@code routable} finds reachable (itself always), else the first. */
    public static String of(Ring ring, Predicate<String> routable) {
        return ring.members().stream().map(Member::nodeId).filter(routable).findFirst().orElse(of(ring));
    }

    /** Commits the plan through the claimant; fails with the claimant's refusal as this node's exception. */
    public CompletableFuture<Void> commit(PartitionPlan plan) {
        String self = membership.localNode();
        String claimant = of(plan.from(), id -> id.equals(self) || peers.detector().routable(id));
        if (claimant.equals(self)) {
            try {
                commitHere(plan);
                return CompletableFuture.completedFuture(null);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        List<RingChange> changes = changes(plan);
        Message request = request(changes, plan.from().version());
        return peers.call(claimant, request).exceptionally(failure -> {
            if (Causes.unwrap(failure) instanceof UnreachableException u) {
                throw new UnreachableException(claimant, "the claimant, which commits every ring change, did not"
                        + " answer" + (u.maybeDelivered() ? " in time; the change may have been committed: check"
                        + " GET /admin/ring before committing it again" : "; ring changes wait until it is back"),
                        u.maybeDelivered());
            }
            throw new CompletionException(failure);
        }).thenApply(reply -> {
            if (!(reply instanceof ChangeAnswer answer)) {
                throw new IllegalStateException("the claimant " + claimant + " answered a ring change with "
                        + reply.getClass().getSimpleName() + "; is it running an older release?");
            }
            if (!answer.committed()) {
                throw refusal(answer, changes, plan.from().version(), claimant);
            }
            return null;
        });
    }

    /** The claimant's side of a single join or leave. */
    public Message onRequest(ChangeRequest r) {
        return onPlan(List.of(r.join() ? RingChange.join(r.node(), r.weight()) : RingChange.leave(r.node())),
                r.fromVersion());
    }

    /** The claimant's side of a plan: plans the changes from its ring and commits them, or says why not. */
    public Message onRequest(PlanRequest r) {
        return onPlan(r.changes(), r.fromVersion());
    }

    private Message onPlan(List<RingChange> changes, long fromVersion) {
        Ring ring = membership.ringView().get();
        try {
            if (ring.version() != fromVersion) {
                throw new StalePlanException(fromVersion, ring.version(), "the plan was made from ring v"
                        + fromVersion + " but the claimant " + membership.localNode() + " has ring v"
                        + ring.version() + "; the ring changed since the plan was made: plan again and review it");
            }
            commitHere(RingTransition.plan(ring, changes));
            return ChangeAnswer.committed(membership.ringView().get().version());
        } catch (StalePlanException e) {
            return new ChangeAnswer(ChangeAnswer.STALE_PLAN, e.getMessage(), ring.version());
        } catch (RingChangingException e) {
            return new ChangeAnswer(ChangeAnswer.RING_CHANGING, e.getMessage(), ring.version());
        } catch (JoinRefusedException e) {
            return new ChangeAnswer(ChangeAnswer.JOIN_REFUSED, e.getMessage(), ring.version());
        } catch (ChangeRefusedException e) {
            return new ChangeAnswer(ChangeAnswer.CHANGE_REFUSED, e.getMessage(), ring.version());
        } catch (IllegalArgumentException e) {
            return new ChangeAnswer(ChangeAnswer.INVALID_REQUEST, e.getMessage(), ring.version());
        }
    }

    /**
     * Commits here once the plan is one the cluster can carry out. Every node it adds has announced itself by
     * gossip (so it runs and holds the cluster's secret), is set to the cluster's Q (else it would refuse the
     * ring), and this node does not find it unreachable: a join of a node that never started would leave its share
     * of every write in hints and hold the change open for good. A leave keeps at least N nodes (a remove may not:
     * the node is gone either way). A removed node must be unreachable (a live one leaves, streaming its data out);
     * a replaced node that is unreachable is dropped as dead, the other replicas copying its partitions.
     */
    private void commitHere(PartitionPlan plan) {
        MembershipState state = membership.state();
        for (Member m : plan.to().members()) {
            String id = m.nodeId();
            if (plan.from().participants().contains(id)) {
                continue;
            }
            if (state.node(id).isEmpty()) {
                throw new JoinRefusedException(id, "node " + id + " has never been heard from by node "
                        + membership.localNode() + ": start it with this cluster's seeds (dynamo.seeds) and secret,"
                        + " wait until GET /admin/nodes lists it, then plan the join again");
            }
            NodeLoad load = loads.of(id).orElse(null);
            if (load != null && load.settings() == null && plan.from().settings().isPresent()) {
                // It gossips no settings: its wire format predates them, and it cannot read a ring that keeps them.
                throw new JoinRefusedException(id, "node " + id + " runs an older release, whose wire format cannot"
                        + " carry ring v" + plan.from().version() + " (it keeps the cluster's "
                        + plan.from().settings().get() + "): upgrade it to the release of the other nodes, then plan"
                        + " the join again");
            }
            NodeSettings set = load == null ? null : load.settings();
            if (set != null && !set.fits(plan.from())) {
                throw new JoinRefusedException(id, "node " + id + " is set to Q=" + set.partitions() + " but the"
                        + " cluster keeps Q=" + plan.from().partitionCount() + ", so it would refuse the ring: restart"
                        + " it with dynamo.q as the cluster's, then plan the join again");
            }
            if (!peers.detector().routable(id)) {
                throw new JoinRefusedException(id, "node " + id + " does not answer node " + membership.localNode()
                        + " on the cluster transport (" + peers.detector().health(id).reachability() + "); check"
                        + " that it runs and reaches this node, then plan the join again");
            }
        }
        List<RingChange> changes = changes(plan);
        requireEnoughNodes(plan, plan.to().replicas(membership.replicas()));
        if (changes.stream().anyMatch(c -> c.kind() == RingChange.Kind.SETTINGS)) {
            requireSettingsKept(plan);
            requireNamespacesFit(plan, state);
        }
        Set<String> gone = new TreeSet<>();
        for (RingChange c : changes) {
            boolean down = !c.node().equals(membership.localNode()) && !peers.detector().routable(c.node());
            if (c.kind() == RingChange.Kind.REMOVE && !down) {
                throw new ChangeRefusedException("node " + c.node() + " still answers node " + membership.localNode()
                        + "; remove is for a node that is down for good: let a live node leave so that its data"
                        + " streams out, or stop it first");
            }
            if (c.kind() == RingChange.Kind.REMOVE || c.kind() == RingChange.Kind.REPLACE && down) {
                gone.add(c.node());
            }
        }
        // A ring of an older release gets the cluster's settings at this change only once every node can read them.
        membership.commit(plan, gone, plan.from().participants().stream()
                .allMatch(id -> loads.of(id).map(NodeLoad::settings).isPresent()));
    }

    /**
     * Refuses new settings while a node of an older release takes part: it walks its own N, not the ring's, so it
     * would keep and drop copies by the old one. Every node of this release says what it is set to in its load.
     */
    private void requireSettingsKept(PartitionPlan plan) {
        for (String id : plan.from().participants()) {
            if (loads.of(id).map(NodeLoad::settings).isEmpty()) {
                throw new ChangeRefusedException("node " + id + " has not said that it keeps the cluster's settings"
                        + " with the ring (a node of an older release, or one not heard from since it started): upgrade"
                        + " it, or wait until GET /admin/nodes shows its load, then plan the change of settings again");
            }
        }
    }

    /**
     * Refuses a cluster N below a namespace's: the background services walk the cluster's N for every key, and would
     * keep fewer copies of that namespace's keys than its N.
     */
    private static void requireNamespacesFit(PartitionPlan plan, MembershipState state) {
        int n = plan.to().settings().map(RingSettings::replicas).orElse(Integer.MAX_VALUE);
        for (Namespace ns : state.namespaces().entries().values()) {
            if (!ns.dropped() && ns.settings().replicas() > n) {
                throw new ChangeRefusedException("namespace " + ns.name() + " has N=" + ns.settings().replicas()
                        + ", more than the cluster's new N=" + n + ": lower the namespace's N first (POST"
                        + " /admin/namespaces/plan), then plan the change of settings again");
            }
        }
    }

    /** Refuses a plan that leaves fewer than N nodes by a leave (a remove may: the node is gone either way). */
    public static void requireEnoughNodes(PartitionPlan plan, int n) {
        int remaining = plan.to().members().size();
        if (changes(plan).stream().anyMatch(c -> c.kind() == RingChange.Kind.LEAVE) && remaining < n
                && remaining < plan.from().members().size()) {
            throw new ChangeRefusedException("the plan would leave " + remaining + " node" + (remaining == 1 ? "" : "s")
                    + " in ring v" + plan.to().version() + ", fewer than the " + n + " replicas of each key (N): join"
                    + " a node first, or replace the leaving node instead");
        }
    }

    /** The plan's changes; a plan made without them (by an older caller) is one join or one leave. */
    private static List<RingChange> changes(PartitionPlan plan) {
        if (!plan.changes().isEmpty()) {
            return plan.changes();
        }
        for (Member m : plan.to().members()) {
            if (!plan.from().contains(m.nodeId())) {
                return List.of(RingChange.join(m.nodeId(), m.weight()));
            }
        }
        for (Member m : plan.from().members()) {
            if (!plan.to().contains(m.nodeId())) {
                return List.of(RingChange.leave(m.nodeId()));
            }
        }
        throw new IllegalArgumentException("the plan from ring v" + plan.from().version() + " neither adds nor"
                + " removes a node");
    }

    /** A single join or leave as the request claimants of older releases read; anything else as a plan. */
    private static Message request(List<RingChange> changes, long fromVersion) {
        if (changes.size() == 1 && changes.get(0).kind() == RingChange.Kind.JOIN) {
            return new ChangeRequest(true, changes.get(0).node(), changes.get(0).weight(), fromVersion);
        }
        if (changes.size() == 1 && changes.get(0).kind() == RingChange.Kind.LEAVE) {
            return new ChangeRequest(false, changes.get(0).node(), 1, fromVersion);
        }
        return new PlanRequest(changes, fromVersion);
    }

    private static RuntimeException refusal(ChangeAnswer answer, List<RingChange> changes, long fromVersion,
                                            String claimant) {
        String detail = answer.detail() + " (refused by the claimant " + claimant + ")";
        return switch (answer.refusal()) {
            case ChangeAnswer.STALE_PLAN -> new StalePlanException(fromVersion, answer.ringVersion(), detail);
            case ChangeAnswer.RING_CHANGING -> new RingChangingException(answer.ringVersion(), detail);
            case ChangeAnswer.JOIN_REFUSED -> new JoinRefusedException(changes.stream().map(RingChange::added)
                    .filter(a -> !a.isEmpty()).findFirst().orElse(""), detail);
            case ChangeAnswer.CHANGE_REFUSED -> new ChangeRefusedException(detail);
            // The claimant found the request invalid for its ring, which the requester planned from a ring that
            // was valid for it: the rings differ, so the plan is stale.
            default -> new StalePlanException(fromVersion, answer.ringVersion(), detail);
        };
    }
}
