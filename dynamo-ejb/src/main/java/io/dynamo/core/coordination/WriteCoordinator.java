package io.dynamo.core.coordination;

import io.dynamo.core.base.Key;
import io.dynamo.core.handoff.HintRefusedException;
import io.dynamo.core.peer.PeerChannel;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Coordinates a put or delete: stamps the new version locally, sends it to the other targets of the sloppy
 * quorum, and succeeds after W acknowledgements (its own included). Replication to the remaining targets goes
 * on after the answer. A target that fails is replaced by the next fallback, holding a hint. During a ring change
 * the write goes to the replicas of both rings and needs W in each. With dw above 0 every
 * target is asked to sync the write, and the answer also waits until dw acknowledgements say they did.
 */
public final class WriteCoordinator {
    private final LocalReplica local;
    private final PeerChannel peers;

    public WriteCoordinator(LocalReplica local, PeerChannel peers) {
        this.local = local;
        this.peers = peers;
    }

    /** The coordinator must be one of the key's replicas; the future yields the key's versions after the write. */
    public CompletableFuture<SiblingSet> write(Key key, PreferenceList list, Context context, Value value, int w,
                                               String operation) {
        return write(key, list, context, value, w, 0, operation);
    }

    /** @param dw acknowledgements that must say the write is synced, 0 to W */
    public CompletableFuture<SiblingSet> write(Key key, PreferenceList list, Context context, Value value, int w,
                                               int dw, String operation) {
        return write(key, List.of(list), context, value, w, dw, operation);
    }

    /**
     * A write that must reach W replicas of every list: during a ring change, the previous ring's and the new one's.
     * The coordinator must be a replica of one of them.
     *
     * @param dw acknowledgements that must say the write is synced, 0 to W
     */
    public CompletableFuture<SiblingSet> write(Key key, List<PreferenceList> lists, Context context, Value value,
                                               int w, int dw, String operation) {
        String self = peers.localNode();
        TargetSelection selection = TargetSelection.of(lists, n -> n.equals(self) || peers.detector().routable(n));
        WriteQuorum quorum = new WriteQuorum(w, dw, lists.size() == 1 ? List.of()
                : lists.stream().map(l -> Set.copyOf(l.replicas())).toList());
        selection.initial().forEach(t -> quorum.sent(t));
        if (quorum.unreachable(selection.sparesLeft())) {
            // Too few nodes reachable to ever reach W: refuse before storing anything.
            return CompletableFuture.failedFuture(new InsufficientReplicasException(operation, key, w,
                    quorum.reachable() + selection.sparesLeft(), self, where(quorum, lists)));
        }
        boolean synced = dw > 0;
        SiblingSet written = local.store().coordinate(key, context, value, synced);
        selection.uncovered().forEach(replica -> keepHint(replica, key, written, synced));
        CompletableFuture<SiblingSet> result = new CompletableFuture<>();
        synchronized (quorum) {
            quorum.acked(self, synced);
            settle(quorum, selection, result, key, written, lists, operation);
        }
        for (Target t : selection.initial()) {
            if (!t.equals(Target.replica(self))) {
                send(t, key, written, synced, quorum, selection, result, lists, operation);
            }
        }
        return result;
    }

    private void send(Target target, Key key, SiblingSet versions, boolean synced, WriteQuorum quorum,
                      TargetSelection selection, CompletableFuture<SiblingSet> result, List<PreferenceList> lists,
                      String operation) {
        call(target, new WriteReplica(key, versions, target.hintFor(), synced))
                .whenComplete((reply, failure) -> {
                    Target replacement = null;
                    synchronized (quorum) {
                        if (failure == null && reply instanceof Ack ack) {
                            quorum.acked(target, ack.synced());
                        } else {
                            quorum.failed(target);
                            replacement = selection.replace(target).orElse(null);
                            if (replacement != null) {
                                quorum.sent(replacement);
                            } else {
                                keepHint(target.owner(), key, versions, synced);
                            }
                        }
                        settle(quorum, selection, result, key, versions, lists, operation);
                    }
                    if (replacement != null) {
                        send(replacement, key, versions, synced, quorum, selection, result, lists, operation);
                    }
                });
    }

    /** The coordinator standing in for a replica of the other ring during a change keeps the hint itself. */
    private CompletableFuture<?> call(Target target, WriteReplica write) {
        if (!target.node().equals(peers.localNode())) {
            return peers.call(target.node(), write);
        }
        try {
            local.write(write.key(), write.versions(), write.hintFor(), write.synced());
            return CompletableFuture.completedFuture(new Ack(write.synced()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * With no fallback left to stand in for a replica (a cluster of N nodes or fewer), the coordinator keeps the
     * hint itself, as Cassandra does: it does not count towards W, but the replica gets the write when it returns.
     */
    private void keepHint(String replica, Key key, SiblingSet versions, boolean synced) {
        if (!replica.equals(peers.localNode())) {
            try {
                local.write(key, versions, replica, synced);
            } catch (HintRefusedException e) {
                // Counted and logged by the hint store; anti-entropy repairs the replica when it returns.
            }
        }
    }

    private void settle(WriteQuorum quorum, TargetSelection selection, CompletableFuture<SiblingSet> result,
                        Key key, SiblingSet versions, List<PreferenceList> lists, String operation) {
        if (quorum.reached()) {
            result.complete(versions);
        } else if (quorum.unreachable(selection.sparesLeft()) || quorum.settledAll()) {
            // Spares left do not help once every target answered: they stand in only for one that fails. (A group
            // smaller than W, such as the previous ring of a change from one node, left such a write waiting.)
            result.completeExceptionally(quorum.acks() >= quorum.required() && quorum.syncedShort()
                    ? InsufficientReplicasException.notSynced(operation, key, peers.localNode(),
                            quorum.requiredSynced(), quorum.syncedAcks())
                    : new InsufficientReplicasException(operation, key, quorum.required(),
                            quorum.acks(quorum.shortestGroup()),
                            peers.localNode(), where(quorum, lists)));
        }
    }

    /** During a ring change, which ring's replicas fell short. */
    private static String where(WriteQuorum quorum, List<PreferenceList> lists) {
        if (lists.size() == 1) {
            return "";
        }
        int group = quorum.shortestGroup();
        return "of the " + (group == lists.size() - 1 ? "new" : "previous") + " ring's replicas "
                + lists.get(group).replicas() + " (the ring is changing)";
    }
}
