package io.dynamo.simulation;

import io.dynamo.core.base.Causes;
import io.dynamo.core.base.DynamoException;
import io.dynamo.core.node.NodeAdmin;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.Ring;
import io.dynamo.testkit.LocalCluster;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * An operator changing the ring while the workload runs: a list of joins and leaves, each committed through a
 * random running node as soon as that node sees the last change committed and over (an operator who waits for
 * the last one to end, and commits where it is known). A joining node is started first, on empty stores. Commits the cluster refuses (stale plan, a change still
 * under way, a node that knows no ring yet) are tried again a little later, as an operator would.
 */
final class RingChanges {
    /** One change: a node joins (started now) or leaves. */
    record Change(boolean join, String node) {
        static Change join(String node) {
            return new Change(true, node);
        }

        static Change leave(String node) {
            return new Change(false, node);
        }

        @Override
        public String toString() {
            return (join ? "join " : "leave ") + node;
        }
    }

    private final LocalCluster cluster;
    private final Random random;
    private final Deque<Change> planned;
    private final List<String> log = new ArrayList<>();
    private int committed;
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
                .filter(id -> !id.equals(next.node())).toList();
        if (!up.isEmpty()) {
            attempt(next, up.get(random.nextInt(up.size())));
        }
        cluster.scheduler().schedule(Duration.ofMillis(200 + random.nextInt(200)), this::tryNext);
    }

    private void attempt(Change change, String via) {
        // A commit whose node crashed meanwhile never answers (its timers stop with it): try again after a while.
        if (inFlightSince >= 0 && cluster.scheduler().nowMillis() - inFlightSince < 3_000) {
            return;
        }
        try {
            NodeAdmin admin = cluster.node(via).admin();
            Ring ring = cluster.node(via).view().ring();
            if (ring.handover().isPresent() || ring.version() < lastVersion) {
                return;
            }
            if (ring.version() > lastVersion && ring.contains(change.node()) == change.join()) {
                // A commit whose answer timed out may still have been made: the operator finds it in the ring.
                planned.remove(change);
                committed++;
                lastVersion = ring.version();
                log.add(cluster.scheduler().nowMillis() + " " + change + " found committed at " + via + " in ring v"
                        + ring.version());
                return;
            }
            if (change.join() && !cluster.nodeIds().contains(change.node())) {
                cluster.addNode(change.node());
            }
            PartitionPlan plan = change.join() ? admin.planJoin(ring, Member.of(change.node()))
                    : admin.planLeave(ring, change.node());
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
                            + " as ring v" + plan.to().version());
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
