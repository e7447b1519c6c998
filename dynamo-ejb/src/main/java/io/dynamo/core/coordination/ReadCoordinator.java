package io.dynamo.core.coordination;

import io.dynamo.core.base.Key;
import io.dynamo.core.peer.PeerChannel;
import io.dynamo.core.replica.ReadReplica;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.version.SiblingSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Coordinates a get: asks the targets of the sloppy quorum, answers with the merge of the first R replies, then
 * waits for the rest (each bounded by the request timeout) and repairs every target whose copy was stale.
 */
public final class ReadCoordinator {
    private final LocalReplica local;
    private final PeerChannel peers;
    private final AtomicLong repairs = new AtomicLong();

    public ReadCoordinator(LocalReplica local, PeerChannel peers) {
        this.local = local;
        this.peers = peers;
    }

    /** Copies brought up to date by read repair since start. */
    public long repairCount() {
        return repairs.get();
    }

    public CompletableFuture<SiblingSet> read(Key key, PreferenceList list, int r) {
        String self = peers.localNode();
        TargetSelection selection = TargetSelection.of(list, n -> n.equals(self) || peers.detector().routable(n));
        ReadQuorum quorum = new ReadQuorum(r);
        CompletableFuture<SiblingSet> result = new CompletableFuture<>();
        synchronized (quorum) {
            selection.initial().forEach(t -> quorum.sent());
        }
        for (Target t : selection.initial()) {
            if (t.node().equals(self)) {
                SiblingSet mine = local.read(key);
                synchronized (quorum) {
                    quorum.answered(t, mine);
                    settle(quorum, selection, result, key);
                }
            } else {
                ask(t, key, quorum, selection, result);
            }
        }
        synchronized (quorum) {
            settle(quorum, selection, result, key);
        }
        return result;
    }

    private void ask(Target target, Key key, ReadQuorum quorum, TargetSelection selection,
                     CompletableFuture<SiblingSet> result) {
        peers.call(target.node(), new ReadReplica(key)).whenComplete((reply, failure) -> {
            Target replacement = null;
            synchronized (quorum) {
                if (failure == null && reply instanceof ReplicaState state) {
                    quorum.answered(target, state.versions());
                } else {
                    quorum.failed();
                    if (!quorum.reached()) {
                        replacement = selection.replace(target).orElse(null);
                        if (replacement != null) {
                            quorum.sent();
                        }
                    }
                }
                settle(quorum, selection, result, key);
            }
            if (replacement != null) {
                ask(replacement, key, quorum, selection, result);
            }
        });
    }

    private void settle(ReadQuorum quorum, TargetSelection selection, CompletableFuture<SiblingSet> result, Key key) {
        if (!result.isDone()) {
            if (quorum.reached()) {
                result.complete(quorum.merged());
            } else if (quorum.unreachable(selection.sparesLeft())) {
                result.completeExceptionally(new InsufficientReplicasException("get", key, quorum.required(),
                        quorum.answeredCount(), peers.localNode()));
            }
        }
        if (result.isDone() && quorum.claimRepair()) {
            repair(key, quorum.merged(), quorum.answers());
        }
    }

    private void repair(Key key, SiblingSet merged, Map<Target, SiblingSet> answers) {
        answers.forEach((target, seen) -> {
            if (!seen.equals(merged)) {
                repairs.incrementAndGet();
                if (target.node().equals(peers.localNode())) {
                    local.write(key, merged, target.hintFor());
                } else {
                    peers.call(target.node(), new WriteReplica(key, merged, target.hintFor()));
                }
            }
        });
    }
}
