package io.dynamo.core.membership;

import io.dynamo.core.base.Causes;
import io.dynamo.core.peer.PeerChannel;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingTransition;
import io.dynamo.core.transport.Message;
import io.dynamo.core.transport.UnreachableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One change at a time, cluster-wide: every ring change is committed by the claimant, the ring's first member by
 * node id (Riak's claimant), which every node names alike from the ring. A node asked to commit forwards the change
 * to the claimant, which plans it again from its own ring and commits it there, one after another. So two changes
 * committed at once through two nodes cannot both win: the second is planned from a ring that is no longer the
 * claimant's, and is refused (409 {@code stale_plan} or {@code ring_changing}) instead of being dropped by gossip.
 * While the claimant does not answer, ring changes wait for it.
 */
public final class Claimant {
    private final MembershipService membership;
    private final PeerChannel peers;

    public Claimant(MembershipService membership, PeerChannel peers) {
        this.membership = membership;
        this.peers = peers;
    }

    /** The node that commits the ring's changes. */
    public static String of(Ring ring) {
        return ring.members().get(0).nodeId();
    }

    /** Commits the plan through the claimant; fails with the claimant's refusal as this node's exception. */
    public CompletableFuture<Void> commit(PartitionPlan plan) {
        String claimant = of(plan.from());
        if (claimant.equals(membership.localNode())) {
            try {
                commitHere(plan);
                return CompletableFuture.completedFuture(null);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        ChangeRequest request = request(plan);
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
                throw refusal(answer, request, claimant);
            }
            return null;
        });
    }

    /** The claimant's side: plans the change from its ring and commits it, or says why not. */
    public Message onRequest(ChangeRequest r) {
        Ring ring = membership.ringView().get();
        try {
            if (ring.version() != r.fromVersion()) {
                throw new StalePlanException(r.fromVersion(), ring.version(), "the plan was made from ring v"
                        + r.fromVersion() + " but the claimant " + membership.localNode() + " has ring v"
                        + ring.version() + "; the ring changed since the plan was made: plan again and review it");
            }
            commitHere(r.join() ? RingTransition.join(ring, new Member(r.node(), r.weight()))
                    : RingTransition.leave(ring, r.node()));
            return ChangeAnswer.committed(membership.ringView().get().version());
        } catch (StalePlanException e) {
            return new ChangeAnswer(ChangeAnswer.STALE_PLAN, e.getMessage(), ring.version());
        } catch (RingChangingException e) {
            return new ChangeAnswer(ChangeAnswer.RING_CHANGING, e.getMessage(), ring.version());
        } catch (JoinRefusedException e) {
            return new ChangeAnswer(ChangeAnswer.JOIN_REFUSED, e.getMessage(), ring.version());
        } catch (IllegalArgumentException e) {
            return new ChangeAnswer(ChangeAnswer.INVALID_REQUEST, e.getMessage(), ring.version());
        }
    }

    /**
     * Commits here once every node the plan adds is one the cluster can hand partitions to: a node that has
     * announced itself by gossip (so it runs, holds the cluster's secret and has the same Q: a node with another Q
     * is refused by gossip) and that this node does not find unreachable. A join of a node that never started
     * would otherwise leave its share of every write in hints and hold the change open for good.
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
            if (!peers.detector().routable(id)) {
                throw new JoinRefusedException(id, "node " + id + " does not answer node " + membership.localNode()
                        + " on the cluster transport (" + peers.detector().health(id).reachability() + "); check"
                        + " that it runs and reaches this node, then plan the join again");
            }
        }
        membership.commit(plan);
    }

    private static ChangeRequest request(PartitionPlan plan) {
        for (Member m : plan.to().members()) {
            if (!plan.from().contains(m.nodeId())) {
                return new ChangeRequest(true, m.nodeId(), m.weight(), plan.from().version());
            }
        }
        for (Member m : plan.from().members()) {
            if (!plan.to().contains(m.nodeId())) {
                return new ChangeRequest(false, m.nodeId(), 1, plan.from().version());
            }
        }
        throw new IllegalArgumentException("the plan from ring v" + plan.from().version() + " neither adds nor"
                + " removes a node");
    }

    private static RuntimeException refusal(ChangeAnswer answer, ChangeRequest request, String claimant) {
        String detail = answer.detail() + " (refused by the claimant " + claimant + ")";
        return switch (answer.refusal()) {
            case ChangeAnswer.STALE_PLAN -> new StalePlanException(request.fromVersion(), answer.ringVersion(), detail);
            case ChangeAnswer.RING_CHANGING -> new RingChangingException(answer.ringVersion(), detail);
            case ChangeAnswer.JOIN_REFUSED -> new JoinRefusedException(request.node(), detail);
            // The claimant found the request invalid for its ring, which the requester planned from a ring that
            // was valid for it: the rings differ, so the plan is stale.
            default -> new StalePlanException(request.fromVersion(), answer.ringVersion(), detail);
        };
    }
}
