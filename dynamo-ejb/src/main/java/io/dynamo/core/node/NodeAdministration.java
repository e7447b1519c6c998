package io.dynamo.core.node;

import io.dynamo.core.antientropy.AntiEntropyService;
import io.dynamo.core.antientropy.ExchangeResult;
import io.dynamo.core.backup.BackupManifest;
import io.dynamo.core.backup.BackupStatus;
import io.dynamo.core.backup.NodeBackup;
import io.dynamo.core.handoff.HintStore;
import io.dynamo.core.membership.Claimant;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingChange;
import io.dynamo.core.ring.RingTransition;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** {@link NodeAdmin} over the node's claimant, anti-entropy, hints and backups. */
final class NodeAdministration implements NodeAdmin {
    private final AntiEntropyService antiEntropy;
    private final Claimant claimant;
    private final HintStore hints;
    private final NodeBackup backup;
    private final Supplier<BackupManifest> backupFacts;

    private final int replicas;

    /** @param backupFacts the node's facts for a backup's manifest, taken when it starts */
    NodeAdministration(AntiEntropyService antiEntropy, Claimant claimant, HintStore hints, int replicas,
                       NodeBackup backup, Supplier<BackupManifest> backupFacts) {
        this.replicas = replicas;
        this.backup = backup;
        this.backupFacts = backupFacts;
        this.antiEntropy = antiEntropy;
        this.claimant = claimant;
        this.hints = hints;
    }

    @Override
    public PartitionPlan planJoin(Ring from, Member newcomer) {
        return RingTransition.join(from, newcomer);
    }

    @Override
    public PartitionPlan planLeave(Ring from, String node) {
        return plan(from, List.of(RingChange.leave(node)));
    }

    @Override
    public PartitionPlan plan(Ring from, List<RingChange> changes) {
        PartitionPlan plan = RingTransition.plan(from, changes);
        Claimant.requireEnoughNodes(plan, plan.to().replicas(replicas));
        return plan;
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

    @Override
    public long purgeHints(String target) {
        return hints.purge(target);
    }

    @Override
    public BackupStatus backup(String directory) {
        return backup.start(directory, backupFacts.get());
    }
}
