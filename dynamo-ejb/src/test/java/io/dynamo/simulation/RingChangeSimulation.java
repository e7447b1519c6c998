package io.dynamo.simulation;

import io.dynamo.core.antientropy.ExchangeResult;
import io.dynamo.core.base.Key;
import io.dynamo.core.node.NodeTiming;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingChange;
import io.dynamo.core.ring.RingSettings;
import io.dynamo.core.transfer.TransferBatch;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.simulation.RingChanges.Change;
import io.dynamo.testkit.LocalCluster;
import io.dynamo.testkit.NodeWiring;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * One seeded run of the set workload (N=3; R=2 and W=2, or R=1 and W=3, where a read asks a single replica) on a
 * cluster whose ring changes while it runs, under the {@link Nemesis}: four nodes, then six plans, each committed
 * through a random node once the last change is over: a fifth node joins (on a quarter of the seeds it is lost for
 * good while its join is under way, and a remove amends the change), the cluster's settings change (N shrinks
 * to 2 with R=1 and W=2 on odd seeds, grows to 4 with R=2 and W=3 on even ones), one of the first four leaves,
 * another is replaced by a sixth while it runs, another is destroyed and removed, and the last leaves in one plan
 * with a seventh and an eighth joining, so that none of the first four is left (the nemesis wipes no node's data but the
 * one destroyed later: two lost replicas are beyond what N=3 and W=2 survive before repair). Then the faults stop,
 * the changes finish, and the {@link SetChecker} checks the history (no acknowledged write lost, every read after
 * an acknowledged write sees it) and the end state: every node on the same settled ring, every key on exactly its
 * replicas.
 */
final class RingChangeSimulation {
    static final int N = 3;
    static final int Q = 32;

    /** How a run is built: correct, or with a bug planted. */
    enum Variant {
        CORRECT,
        /** Every copy of a ring change is acknowledged without being stored: new replicas are empty when read. */
        COPIES_ACKED_UNSTORED
    }

    record Result(int acknowledged, long pairsChecked, int staticReads, int changes, int amendments,
                  List<String> problems,
                  List<String> log) {
    }

    private RingChangeSimulation() {
    }

    /** R=2 and W=2 on odd seeds, R=1 and W=3 on even ones, until the settings change. */
    static Result run(long seed, Variant variant) {
        int r = seed % 2 == 0 ? 1 : 2;
        int w = N + 1 - r;
        // Anti-entropy every ten seconds, not every half second: the guarantee must come from the handover itself,
        // and a background repair that quick would hide a handover that reads from replicas without the data. (In
        // production a round over Q=256 partitions takes minutes.) The end state is checked after a full repair.
        NodeTiming timing = LocalCluster.fastTiming();
        timing = new NodeTiming(timing.requestTimeout(), timing.handoffInterval(), timing.hintsPerRound(),
                Duration.ofSeconds(10), timing.probeInterval(), timing.tombstones());
        try (LocalCluster cluster = new LocalCluster(seed, 4, N, r, w, Q, timing,
                NodeWiring.PLAIN)) {
            Random random = new Random(seed * 17 + 3);
            cluster.network().delays(1, 15).duplication(0.02);
            if (variant == Variant.COPIES_ACKED_UNSTORED) {
                cluster.network().ackWithoutHandling(m -> m instanceof TransferBatch);
            }
            SetWorkload workload = new SetWorkload(cluster, random, 60, 200);
            List<String> first = new ArrayList<>(List.of("n1", "n2", "n3", "n4"));
            Collections.shuffle(first, random);
            Nemesis nemesis = new Nemesis(cluster, random, 0.02).wipingOnly(first.get(2));
            RingSettings later = seed % 2 == 0 ? new RingSettings(4, 2, 3) : new RingSettings(2, 1, 2);
            RingChanges changes = new RingChanges(cluster, random, List.of(losesNewcomer(seed)
                    ? Change.joinThatDies("n5") : Change.join("n5"),
                    Change.of(RingChange.settings(later)), Change.leave(first.get(0)),
                    Change.of(RingChange.replace(first.get(1), "n6")),
                    Change.of(RingChange.remove(first.get(2))), Change.of(RingChange.join("n7", 1),
                            RingChange.join("n8", 1), RingChange.leave(first.get(3)))));
            StaticKeys fixed = new StaticKeys(cluster, random, 100);
            fixed.write();
            workload.start(5);
            fixed.startReading(Duration.ofMillis(20));
            nemesis.start();
            changes.start(Duration.ofMillis(300 + random.nextInt(700)));
            for (int i = 0; i < 900 && !workload.finished(); i++) {
                cluster.runFor(Duration.ofMillis(100));
            }
            nemesis.stop();
            cluster.network().duplication(0);
            for (int i = 0; i < 120 && !(changes.allCommitted() && settled(cluster)); i++) {
                cluster.runFor(Duration.ofMillis(500));
            }
            fixed.stop();
            cluster.runFor(Duration.ofSeconds(5));
            for (int round = 0; round < 3 && repairEverything(cluster) > 0; round++) {
                cluster.runFor(Duration.ofSeconds(2));
            }

            // Both settings have R+W>N, and while N changes requests use the larger R and W of the two: every read
            // after an acknowledged write must see it throughout.
            SetChecker checker = new SetChecker(cluster, workload.history(), later.replicas(), later.readQuorum(),
                    later.writeQuorum(), true);
            List<String> problems = new ArrayList<>(checker.check(workload.keys()));
            if (!workload.finished()) {
                problems.add(0, "the clients did not finish");
            }
            if (!changes.allCommitted()) {
                problems.add("only " + changes.committed() + " of the ring changes were committed");
            }
            problems.addAll(fixed.problems());
            problems.addAll(endState(cluster, workload.keys()));

            int acknowledged = (int) workload.history().stream()
                    .filter(op -> op.added != null && op.acknowledged()).count();
            List<String> log = new ArrayList<>(changes.log());
            log.addAll(nemesis.log());
            return new Result(acknowledged, checker.pairsChecked(), fixed.checked(), changes.committed(),
                    changes.amendments(), problems, log);
        }
    }

    /**
     * Every node exchanges every partition it replicates with another replica, as an operator's repair would;
     * returns the keys that moved. (One round can leave a difference that the next finds: an exchange pulls what the
     * peer it picked holds, and the newest copy may be on another.)
     */
    private static long repairEverything(LocalCluster cluster) {
        long moved = 0;
        for (String id : cluster.nodeIds()) {
            Ring ring = cluster.node(id).view().ring();
            for (int p = 0; p < ring.partitionCount(); p++) {
                if (ring.preferenceList(p, N).isReplica(id)) {
                    try {
                        ExchangeResult r = cluster.await(cluster.node(id).admin().exchange(p));
                        moved += r.keysReceived() + r.keysSent();
                    } catch (RuntimeException e) {
                        moved++; // not repaired yet: another round
                    }
                }
            }
        }
        return moved;
    }

    /**
     * On a quarter of the seeds the fifth node is lost for good while its join is under way, and the operator
     * removes it, amending the change (with N=2 afterwards: four nodes remain, and the settings need no more).
     */
    static boolean losesNewcomer(long seed) {
        return seed % 4 == 1;
    }

    private static boolean settled(LocalCluster cluster) {
        Set<Ring> rings = new HashSet<>();
        for (String id : cluster.nodeIds()) {
            Ring ring = cluster.node(id).view().ring();
            if (ring.handover().isPresent()) {
                return false;
            }
            rings.add(ring);
        }
        return rings.size() == 1;
    }

    /** Every node on one settled ring, idle; every key's data only on its replicas. */
    private static List<String> endState(LocalCluster cluster, List<String> keys) {
        List<String> problems = new ArrayList<>();
        if (!settled(cluster)) {
            for (String id : cluster.nodeIds()) {
                problems.add("the ring did not settle: " + id + " has " + cluster.node(id).view().ring());
            }
            return problems;
        }
        Ring ring = cluster.ring();
        for (String id : cluster.nodeIds()) {
            if (!cluster.node(id).view().transfers().idle()) {
                problems.add(id + " still has transfers: " + cluster.node(id).view().transfers().progress());
            }
        }
        for (String key : keys) {
            List<String> replicas = ring.preferenceList(ring.partitioner().partitionOfKey(Key.of(key).bytes()), N)
                    .replicas();
            for (String id : cluster.nodeIds()) {
                if (!replicas.contains(id) && !cluster.stored(id, key).equals(SiblingSet.EMPTY)) {
                    problems.add(key + " is still on " + id + ", which does not replicate it in " + ring);
                }
            }
        }
        return problems;
    }
}
