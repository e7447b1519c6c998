package io.dynamo.simulation;

import io.dynamo.testkit.LocalCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Random faults while the workload runs: partitions into two sides, crashes with later restarts, heals. */
final class Nemesis {
    private final LocalCluster cluster;
    private final Random random;
    private final List<String> log = new ArrayList<>();
    private boolean active = true;

    Nemesis(LocalCluster cluster, Random random) {
        this.cluster = cluster;
        this.random = random;
    }

    void start() {
        schedule();
    }

    /** Stops the faults: heals the network and restarts every crashed node. */
    void stop() {
        active = false;
        cluster.network().heal();
        for (String id : cluster.nodeIds()) {
            if (!cluster.isRunning(id)) {
                cluster.restart(id);
                log.add(cluster.scheduler().nowMillis() + " restart " + id);
            }
        }
        log.add(cluster.scheduler().nowMillis() + " heal");
    }

    List<String> log() {
        return log;
    }

    private void schedule() {
        cluster.scheduler().schedule(Duration.ofMillis(100 + random.nextInt(400)), this::act);
    }

    private void act() {
        if (!active) {
            return;
        }
        List<String> ids = cluster.nodeIds();
        long now = cluster.scheduler().nowMillis();
        switch (random.nextInt(4)) {
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
                log.add(now + " partition " + side + " | " + other);
            }
            case 1 -> {
                String id = ids.get(random.nextInt(ids.size()));
                if (cluster.isRunning(id)) {
                    cluster.crash(id);
                    log.add(now + " crash " + id);
                } else {
                    cluster.restart(id);
                    log.add(now + " restart " + id);
                }
            }
            case 2 -> {
                cluster.network().heal();
                log.add(now + " heal");
            }
            default -> {
                for (String id : ids) {
                    if (!cluster.isRunning(id)) {
                        cluster.restart(id);
                        log.add(now + " restart " + id);
                    }
                }
            }
        }
        schedule();
    }
}
