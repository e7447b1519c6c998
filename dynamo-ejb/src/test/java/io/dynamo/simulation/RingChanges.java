package io.dynamo.simulation;

import io.dynamo.core.base.Causes;
import io.dynamo.core.base.DynamoException;
import io.dynamo.core.node.NodeAdmin;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingChange;
import io.dynamo.testkit.LocalCluster;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * An operator changing the ring while the workload runs: a list of plans (joins, leaves, replaces, removes, or
 * several at once), each committed through a random running node as soon as that node sees the last change
 * committed and over (an operator who waits for the last one to end, and commits where it is known). A node a plan
 * adds is started first, on empty stores; a node it removes is destroyed first (dead for good: the nemesis never
 * restarts it). Commits the cluster refuses (stale plan, a change still under way, a node that knows no ring yet, a
 * removed node the claimant still finds alive) are tried again a little later, as an operator would.
 */
final class RingChanges {
    /**
     * One plan: its changes, committed as one.
     *
     * @param diesMidChange a node the plan adds that is destroyed soon after the commit, while the change is under
     *                      way; the operator then removes it, amending the change (empty for none)
     * @param amends        whether the plan is committed while a change is under way (a remove of a dead node)
     */
    record Change(List<RingChange> changes, String diesMidChange, boolean amends) {
        Change(List<RingChange> changes) {
            this(changes, "", false);
        }

        static Change join(String node) {
            return new Change(List.of(RingChange.join(node, 1)));
        }

        /** A join whose newcomer is lost for good mid-change and then removed. */
        static Change joinThatDies(String node) {
            return new Change(List.of(RingChange.join(node, 1)), node, false);
        }

        static Change leave(String node) {
            return new Change(List.of(RingChange.leave(node)));
        }

        static Change of(RingChange... changes) {
            return new Change(List.of(changes));
        }

        /** True when {@code ring} has every change made. */
        boolean madeIn(Ring ring) {
            return changes.stream().allMatch(c -> switch (c.kind()) {
                case JOIN -> ring.contains(c.node());
                case LEAVE, REMOVE -> !ring.contains(c.node());
                case REPLACE -> !ring.contains(c.node()) && ring.contains(c.replacement());
                case SETTINGS -> ring.settings().map(c.settings()::equals).orElse(false);
            });
        }

        /** Nodes the plan needs started, and nodes it needs dead. */
        List<String> added() {
            return changes.stream().map(RingChange::added).filter(a -> !a.isEmpty()).toList();
        }

        List<String> removed() {
            return changes.stream().filter(c -> c.kind() == RingChange.Kind.REMOVE).map(RingChange::node).toList();
        }

        @Override
        public String toString() {
            return changes.stream().map(RingChange::toString).collect(Collectors.joining(" + "));
        }
    }

    private final LocalCluster cluster;
    private final Random random;
    private final Deque<Change> planned;
    private final List<String> log = new ArrayList<>();
    private int committed;
    private int amendments;
    private long lastVersion;
    private long inFlightSince = -1;

    RingChanges(LocalCluster cluster, Random random, List<Change> changes) {
        this.cluster = cluster;
        this.random = random;
        this.planned = new ArrayDeque<>(changes);
    }

    void start(Duration firstAfter) {
        cluster.scheduler().schedule(firstAfter, this::tryNext);
    }

    boolean allCommitted() {
        return planned.isEmpty();
    }

    /** Plans committed while a change was under way, amending it. */
    int amendments() {
        return amendments;
    }

    int committed() {
        return committed;
    }

    List<String> log() {
        return log;
    }

    private void tryNext() {
        if (planned.isEmpty()) {
            return;
        }
        Change next = planned.peek();
        List<String> up = cluster.nodeIds().stream().filter(cluster::isRunning)
                .filter(id -> next.changes().stream().noneMatch(c -> c.node().equals(id))).toList();
        if (!up.isEmpty()) {
            attempt(next, up.get(random.nextInt(up.size())));
        }
        cluster.scheduler().schedule(Duration.ofMillis(200 + random.nextInt(200)), this::tryNext);
    }

    /** Destroys the plan's doomed newcomer a little later, and plans its remove next (amending the change). */
    private void loseMidChange(Change change) {
        String doomed = change.diesMidChange();
        if (doomed.isEmpty()) {
            return;
        }
        planned.addFirst(new Change(List.of(RingChange.remove(doomed)), "", true));
        cluster.scheduler().schedule(Duration.ofMillis(100 + random.nextInt(500)), () -> {
            cluster.destroy(doomed);
            log.add(cluster.scheduler().nowMillis() + " destroyed " + doomed + " for good while its join is under way");
        });
    }

    private void attempt(Change change, String via) {
        // A commit whose node crashed meanwhile never answers (its timers stop with it): try again after a while.
        if (inFlightSince >= 0 && cluster.scheduler().nowMillis() - inFlightSince < 3_000) {
            return;
        }
        try {
            NodeAdmin admin = cluster.node(via).admin();
            Ring ring = cluster.node(via).view().ring();
            if (ring.handover().isPresent() && !change.amends() || ring.version() < lastVersion) {
                return;
            }
            if (ring.version() > lastVersion && change.madeIn(ring)) {
                // A commit whose answer timed out may still have been made: the operator finds it in the ring.
                planned.remove(change);
                committed++;
                lastVersion = ring.version();
                log.add(cluster.scheduler().nowMillis() + " " + change + " found committed at " + via + " in ring v"
                        + ring.version());
                loseMidChange(change);
                return;
            }
            for (String node : change.added()) {
                if (!cluster.nodeIds().contains(node)) {
                    cluster.addNode(node);
                }
            }
            for (String node : change.removed()) {
                if (cluster.nodeIds().contains(node)) {
                    cluster.destroy(node);
                    log.add(cluster.scheduler().nowMillis() + " destroyed " + node + " for good");
                }
            }
            PartitionPlan plan = admin.plan(ring, change.changes());
            boolean underWay = ring.handover().isPresent();
            long started = cluster.scheduler().nowMillis();
            inFlightSince = started;
            admin.commit(plan).whenComplete((ok, failure) -> {
                if (inFlightSince == started) {
                    inFlightSince = -1;
                }
                if (failure == null) {
                    planned.remove(change);
                    committed++;
                    lastVersion = plan.to().version();
                    log.add(cluster.scheduler().nowMillis() + " " + change + " committed through " + via
                            + " as ring v" + plan.to().version() + (underWay ? ", amending the change under way" : ""));
                    amendments += underWay ? 1 : 0;
                    loseMidChange(change);
                } else {
                    log.add(cluster.scheduler().nowMillis() + " " + change + " refused through " + via + ": "
                            + Causes.unwrap(failure).getMessage());
                }
            });
        } catch (DynamoException | IllegalArgumentException refused) {
            log.add(cluster.scheduler().nowMillis() + " " + change + " refused at " + via + ": "
                    + refused.getMessage());
        }
    }
}
