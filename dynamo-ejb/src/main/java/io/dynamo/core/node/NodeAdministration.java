package io.dynamo.core.node;

import io.dynamo.core.antientropy.AntiEntropyService;
import io.dynamo.core.antientropy.ExchangeResult;
import io.dynamo.core.membership.Claimant;
import io.dynamo.core.membership.MembershipService;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingTransition;
import java.util.concurrent.CompletableFuture;

/** {@link NodeAdmin} over the node's membership and anti-entropy. */
final class NodeAdministration implements NodeAdmin {
    private final MembershipService membership;
    private final AntiEntropyService antiEntropy;
    private final Claimant claimant;

    NodeAdministration(MembershipService membership, AntiEntropyService antiEntropy, Claimant claimant) {
        this.membership = membership;
        this.antiEntropy = antiEntropy;
        this.claimant = claimant;
    }

    @Override
    public PartitionPlan planJoin(Ring from, Member newcomer) {
        return RingTransition.join(from, newcomer);
    }

    @Override
    public PartitionPlan planLeave(Ring from, String node) {
        return RingTransition.leave(from, node);
    }

    /** Commits the plan through the cluster's claimant ({@link Claimant}). */
    @Override
    public CompletableFuture<Void> commit(PartitionPlan plan) {
        return claimant.commit(plan);
    }

    @Override
    public CompletableFuture<ExchangeResult> exchange(int partition) {
        return antiEntropy.runOnce(partition);
    }
}
