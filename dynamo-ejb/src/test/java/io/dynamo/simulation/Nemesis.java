package io.dynamo.simulation;

import io.dynamo.testkit.LocalCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random faults while the workload runs, in bursts of 0.7 to 1.5 s after 0.5 to 1 s of calm. During a burst, every
 * 100 to 500 ms: a partition into two sides, one-way cuts (a to b dropped while b to a delivers), a crash or a restart,
 * a heal, a restart of every crashed node, or (at most once a run) the loss of one node's data and hints; the network
 * also loses messages. Calm heals every link, restarts every node and stops the loss, so no fault outlasts its burst:
 * hints and stale copies reach their replicas well within the tombstone grace period the simulations use.
 */
final class Nemesis {
    private final LocalCluster cluster;
    private final Random random;
    private final double loss;
    private final List<String> log = new ArrayList<>();
    private boolean active = true;
    private boolean burst;
    private int wipes;
    private String wipeable = "";

    Nemesis(LocalCluster cluster, Random random, double loss) {
        this.cluster = cluster;
        this.random = random;
        this.loss = loss;
    }

    /**
     * Wipes only {@code id}, a node the run destroys later anyway: a wipe of another node plus the destroyed one would
     * be two lost replicas, which a write acknowledged by W=2 may not survive before repair.
     */
    Nemesis wipingOnly(String id) {
        wipeable = id;
        return this;
    }

    /** Never wipes a node: for keys of N=1, whose only replica's loss no repair can undo. */
    Nemesis withoutWipes() {
        wipeable = null;
        return this;
    }

    /** Starts with calm, so that every run has strict-quorum stretches. */
    void start() {
        note("calm");
        cluster.scheduler().schedule(Duration.ofMillis(500 + random.nextInt(500)), this::beginBurst);
    }

    /** Stops the faults: heals the network, stops the loss and restarts every crashed node. */
    void stop() {
        active = false;
        calmDown();
    }

    List<String> log() {
        return log;
    }

    int wipes() {
        return wipes;
    }

    private void beginBurst() {
        if (!active) {
            return;
        }
        burst = true;
        cluster.network().loss(loss);
        note("burst");
        cluster.scheduler().schedule(Duration.ofMillis(700 + random.nextInt(800)), this::endBurst);
        scheduleFault();
    }

    private void endBurst() {
        if (!active) {
            return;
        }
        burst = false;
        calmDown();
        cluster.scheduler().schedule(Duration.ofMillis(500 + random.nextInt(500)), this::beginBurst);
    }

    private void calmDown() {
        cluster.network().heal();
        cluster.network().loss(0);
        restartAll();
        note("calm");
    }

    private void scheduleFault() {
        cluster.scheduler().schedule(Duration.ofMillis(100 + random.nextInt(400)), () -> {
            if (active && burst) {
                fault();
                scheduleFault();
            }
        });
    }

    private void fault() {
        List<String> ids = cluster.nodeIds();
        switch (random.nextInt(7)) {
            case 0 -> {
                Set<String> side = new HashSet<>();
                for (String id : ids) {
                    if (random.nextBoolean()) {
                        side.add(id);
                    }
                }
                Set<String> other = new HashSet<>(ids);
                other.removeAll(side);
                cluster.network().partition(side, other);
                note("partition " + side + " | " + other);
            }
            case 1 -> {
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    String from = ids.get(random.nextInt(ids.size()));
                    String to = ids.get(random.nextInt(ids.size()));
                    cluster.network().cutOneWay(from, to);
                    note("cut " + from + " > " + to);
                }
            }
            case 2, 3 -> {
                String id = ids.get(random.nextInt(ids.size()));
                if (cluster.isRunning(id)) {
                    cluster.crash(id);
                    note("crash " + id);
                } else {
                    cluster.restart(id);
                    note("restart " + id);
                }
            }
            case 4 -> {
                cluster.network().heal();
                note("heal");
            }
            case 5 -> restartAll();
            default -> {
                // One node's data at most: two wiped replicas may have held the only copies of a write acked by W=2.
                if (wipes == 0 && wipeable != null && random.nextInt(3) == 0) {
                    String id = wipeable.isEmpty() ? ids.get(random.nextInt(ids.size())) : wipeable;
                    if (!ids.contains(id)) {
                        return;
                    }
                    cluster.wipe(id);
                    wipes++;
                    note("wipe " + id);
                }
            }
        }
    }

    private void restartAll() {
        for (String id : cluster.nodeIds()) {
            if (!cluster.isRunning(id)) {
                cluster.restart(id);
                note("restart " + id);
            }
        }
    }

    private void note(String event) {
        log.add(cluster.scheduler().nowMillis() + " " + event);
    }
}
