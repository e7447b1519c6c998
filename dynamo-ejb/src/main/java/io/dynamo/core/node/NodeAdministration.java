package io.dynamo.core.node;

import io.dynamo.core.antientropy.AntiEntropyService;
import io.dynamo.core.antientropy.ExchangeResult;
import io.dynamo.core.handoff.HintStore;
import io.dynamo.core.membership.MembershipService;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingTransition;
import java.util.concurrent.CompletableFuture;

/** {@link NodeAdmin} over the node's membership, anti-entropy and hints. */
final class NodeAdministration implements NodeAdmin {
    private final MembershipService membership;
    private final AntiEntropyService antiEntropy;
    private final HintStore hints;

    NodeAdministration(MembershipService membership, AntiEntropyService antiEntropy, HintStore hints) {
        this.membership = membership;
        this.antiEntropy = antiEntropy;
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

    @Override
    public void commit(PartitionPlan plan) {
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
