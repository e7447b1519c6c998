package io.dynamo.core.node;

import io.dynamo.core.antientropy.ExchangeResult;
import io.dynamo.core.backup.BackupStatus;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingChange;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The commands the admin API gives a node: ring changes, planned then committed, and anti-entropy on demand. */
public interface NodeAdmin {

    /** What adding the member to the ring would move; a pure function of the ring, nothing changes. */
    PartitionPlan planJoin(Ring from, Member newcomer);

    /** What removing the node from the ring would move; nothing changes. */
    PartitionPlan planLeave(Ring from, String node);

    /**
     * What several changes (joins, leaves, removes, replaces) would move as one ring change; nothing changes until
     * {@link #commit}. Refused with {@link io.dynamo.core.membership.ChangeRefusedException} for a leave that would
     * leave fewer than N nodes, and with {@link IllegalArgumentException} for changes the ring cannot take.
     */
    PartitionPlan plan(Ring from, List<RingChange> changes);

    /**
     * Commits the plan through the cluster's claimant, which makes it the ring (gossip spreads it). Fails with
     * {@link io.dynamo.core.membership.StalePlanException} unless the plan starts from the claimant's ring,
     * {@link io.dynamo.core.membership.RingChangingException} while the last change is under way,
     * {@link io.dynamo.core.membership.JoinRefusedException} for a node the cluster cannot hand partitions to, and
     * {@link io.dynamo.core.transport.UnreachableException} when the claimant does not answer.
     */
    CompletableFuture<Void> commit(PartitionPlan plan);

    /** Compares the partition with its next other replica in turn, now. */
    CompletableFuture<ExchangeResult> exchange(int partition);

    /** Drops every hint this node holds for the target (anti-entropy repairs it instead); returns how many. */
    long purgeHints(String target);

    /**
     * Starts an online backup of the node's stores into a new directory under {@code directory} (an absolute path
     * on the node's disk) and returns at once; {@link NodeView#backup()} follows it. Refused with
     * {@link io.dynamo.core.backup.InvalidBackupDirectoryException} for a directory that cannot take it and
     * {@link io.dynamo.core.backup.BackupRunningException} while the last one runs.
     */
    BackupStatus backup(String directory);
}
