package io.dynamo.core.coordination;

import io.dynamo.core.base.Key;
import io.dynamo.core.peer.PeerChannel;
import io.dynamo.core.replica.ReadReplica;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.time.Scheduler;
import io.dynamo.core.version.SiblingSet;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Coordinates a get. It asks R of the sloppy quorum's targets (its own copy first), not all N: every extra replica
 * read costs a message each way and a storage read on a peer, and R answers are all the quorum needs. A target that
 * fails is replaced at once by the next one not yet asked; one that is slow, by one more read once the read has
 * waited the 99th percentile of recent replica reads ({@link ReplicaReadLatency}, a speculative read).
 *
 * <p>Once every asked target has answered, stale copies among them are repaired. When the answers disagree, a
 * replica that was not asked may be stale as well, so the coordinator then reads the rest of the targets too and
 * repairs whichever of them differ; copies that agree leave the others to hinted handoff and anti-entropy.
 */
public final class ReadCoordinator {
    private final LocalReplica local;
    private final PeerChannel peers;
    private final Scheduler scheduler;
    private final ReplicaReadLatency latency;
    private final AtomicLong repairs = new AtomicLong();
    private final AtomicLong speculative = new AtomicLong();

    public ReadCoordinator(LocalReplica local, PeerChannel peers, Scheduler scheduler) {
        this.local = local;
        this.peers = peers;
        this.scheduler = scheduler;
        this.latency = new ReplicaReadLatency(peers.timeout());
    }

    /** Copies brought up to date by read repair since start. */
    public long repairCount() {
        return repairs.get();
    }

    /** Replicas read because an asked one was slower than recent reads, since start. */
    public long speculativeReadCount() {
        return speculative.get();
    }

    public CompletableFuture<SiblingSet> read(Key key, PreferenceList list, int r) {
        return new Round(key, list, r).start();
    }

    /** One get: the targets asked, those left to ask, and the answers. Guarded by its own monitor. */
    private final class Round {
        private final Key key;
        private final String self = peers.localNode();
        private final TargetSelection selection;
        private final ReadQuorum quorum;
        private final Deque<Target> unasked = new ArrayDeque<>();
        private final CompletableFuture<SiblingSet> result = new CompletableFuture<>();
        private Scheduler.Cancellable speculation;
        private boolean widened;

        Round(Key key, PreferenceList list, int r) {
            this.key = key;
            this.selection = TargetSelection.of(list, n -> n.equals(self) || peers.detector().routable(n));
            this.quorum = new ReadQuorum(r);
            for (Target t : selection.initial()) {
                if (t.node().equals(self)) {
                    unasked.addFirst(t);
                } else {
                    unasked.addLast(t);
                }
            }
        }

        CompletableFuture<SiblingSet> start() {
            List<Target> first;
            synchronized (this) {
                first = take(quorum.required());
            }
            first.forEach(this::ask);
            synchronized (this) {
                settle();
                if (!result.isDone() && !unasked.isEmpty()) {
                    speculation = scheduler.schedule(Duration.ofMillis(latency.speculativeDelayMillis()),
                            this::speculate);
                }
            }
            return result;
        }

        /** Takes up to {@code count} targets not yet asked, counting them as sent. */
        private List<Target> take(int count) {
            List<Target> taken = new ArrayList<>(count);
            while (taken.size() < count && !unasked.isEmpty()) {
                taken.add(unasked.poll());
                quorum.sent();
            }
            return taken;
        }

        private void ask(Target target) {
            if (target.node().equals(self)) {
                SiblingSet mine = local.read(key);
                synchronized (this) {
                    quorum.answered(target, mine);
                    settle();
                }
                return;
            }
            long sent = scheduler.nowMillis();
            peers.call(target.node(), new ReadReplica(key)).whenComplete((reply, failure) -> {
                List<Target> next;
                synchronized (this) {
                    if (failure == null && reply instanceof ReplicaState state) {
                        latency.record(scheduler.nowMillis() - sent);
                        quorum.answered(target, state.versions());
                        next = List.of();
                    } else {
                        quorum.failed();
                        next = quorum.reached() ? List.of() : replacementFor(target);
                    }
                    settle();
                }
                next.forEach(this::ask);
            });
        }

        /** The next target not yet asked, else a fallback standing in for the failed one. */
        private List<Target> replacementFor(Target failed) {
            if (!unasked.isEmpty()) {
                return take(1);
            }
            return selection.replace(failed).map(t -> {
                quorum.sent();
                return List.of(t);
            }).orElse(List.of());
        }

        private void speculate() {
            List<Target> extra;
            synchronized (this) {
                if (result.isDone()) {
                    return;
                }
                extra = take(1);
            }
            if (!extra.isEmpty()) {
                speculative.incrementAndGet();
                extra.forEach(this::ask);
            }
        }

        private void settle() {
            if (!result.isDone()) {
                if (quorum.reached()) {
                    result.complete(resolved());
                    if (speculation != null) {
                        speculation.cancel();
                    }
                } else if (quorum.unreachable(unasked.size() + selection.sparesLeft())) {
                    result.completeExceptionally(new InsufficientReplicasException("get", key, quorum.required(),
                            quorum.answeredCount(), peers.localNode()));
                }
            }
            if (!result.isDone() || !quorum.settled()) {
                return;
            }
            if (!widened && !unasked.isEmpty() && quorum.disagree()) {
                widened = true;
                List<Target> rest = take(unasked.size());
                // Answers arrive on other threads, and each takes this monitor: asking from here cannot deadlock.
                scheduler.execute(() -> rest.forEach(this::ask));
            } else if (quorum.claimRepair()) {
                repair(resolved(), quorum.answers());
            }
        }

        /** The answers merged, kept as the key's namespace keeps versions (the latest only, for last-write-wins). */
        private SiblingSet resolved() {
            return local.store().resolved(key, quorum.merged());
        }

        private void repair(SiblingSet merged, Map<Target, SiblingSet> answers) {
            answers.forEach((target, seen) -> {
                if (!seen.equals(merged)) {
                    repairs.incrementAndGet();
                    if (target.node().equals(self)) {
                        local.write(key, merged, target.hintFor());
                    } else {
                        peers.call(target.node(), new WriteReplica(key, merged, target.hintFor()));
                    }
                }
            });
        }
    }
}
