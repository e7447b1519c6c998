package io.dynamo.core.node;

import io.dynamo.core.antientropy.AntiEntropyService;
import io.dynamo.core.antientropy.ExchangeResult;
import io.dynamo.core.handoff.HintStore;
import io.dynamo.core.membership.JoinRefusedException;
import io.dynamo.core.membership.MembershipService;
import io.dynamo.core.membership.MembershipState;
import io.dynamo.core.peer.FailureDetector;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingTransition;
import java.util.concurrent.CompletableFuture;

/** {@link NodeAdmin} over the node's membership, anti-entropy and hints. */
final class NodeAdministration implements NodeAdmin {
    private final MembershipService membership;
    private final AntiEntropyService antiEntropy;
    private final FailureDetector detector;
    private final HintStore hints;

    NodeAdministration(MembershipService membership, AntiEntropyService antiEntropy, FailureDetector detector,
            HintStore hints) {
        this.membership = membership;
        this.antiEntropy = antiEntropy;
        this.detector = detector;
        this.hints = hints;
    }

    @Override
    public PartitionPlan planJoin(Ring from, Member newcomer) {
        return RingTransition.join(from, newcomer);
    }

    @Override
    public PartitionPlan planLeave(Ring from, String node) {
        return RingTransition.leave(from, node);
    }

    /**
     * Commits the plan once every node it adds is one the cluster can hand partitions to: a node that has announced
     * itself by gossip (so it runs, holds the cluster's secret and has the same Q: a node with another Q is refused
     * by gossip) and that this node does not find unreachable. A join of a node that never started would otherwise
     * leave its share of every write in hints and hold the change open for good.
     */
    @Override
    public void commit(PartitionPlan plan) {
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
            if (!detector.routable(id)) {
                throw new JoinRefusedException(id, "node " + id + " does not answer node " + membership.localNode()
                        + " on the cluster transport (" + detector.health(id).reachability() + "); check that it"
                        + " runs and reaches this node, then plan the join again");
            }
        }
        membership.commit(plan);
    }

    @Override
    public CompletableFuture<ExchangeResult> exchange(int partition) {
        return antiEntropy.runOnce(partition);
    }

    @Override
    public long purgeHints(String target) {
        return hints.purge(target);
    }
}
