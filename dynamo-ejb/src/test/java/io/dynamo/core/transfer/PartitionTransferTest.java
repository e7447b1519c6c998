package io.dynamo.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingChange;
import io.dynamo.core.ring.RingTransition;
import io.dynamo.core.transfer.TransferCluster.Node;
import io.dynamo.core.version.SiblingSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PartitionTransferTest {
    private static final int Q = TransferCluster.Q;
    private static final int N = TransferCluster.N;
    private static final int KEYS = 2_000;
    private static final TransferSettings SETTINGS = new TransferSettings(200, Duration.ofSeconds(1), 2,
            Duration.ZERO);

    /** What every node stored of every partition before the change. */
    private static Map<String, Map<Integer, Map<Key, SiblingSet>>> snapshot(TransferCluster cluster) {
        Map<String, Map<Integer, Map<Key, SiblingSet>>> out = new HashMap<>();
        cluster.nodes.forEach((id, node) -> {
            Map<Integer, Map<Key, SiblingSet>> byPartition = new HashMap<>();
            for (int p = 0; p < Q; p++) {
                byPartition.put(p, node.partition(p));
            }
            out.put(id, byPartition);
        });
        return out;
    }

    /** Every key of every partition, merged over the replicas that held it. */
    private static Map<Integer, Map<Key, SiblingSet>> everything(Map<String, Map<Integer, Map<Key, SiblingSet>>> s) {
        Map<Integer, Map<Key, SiblingSet>> all = new HashMap<>();
        s.values().forEach(byPartition -> byPartition.forEach((p, keys) -> keys.forEach((k, v) ->
                all.computeIfAbsent(p, x -> new HashMap<>()).merge(k, v, SiblingSet::merge))));
        return all;
    }

    /**
     * Each new replica holds every key of the partition, each with every version it had or versions that
     * superseded them; each node that left a list holds none of it.
     */
    private static void assertPlaced(TransferCluster cluster, Ring before, Ring after,
            Map<Integer, Map<Key, SiblingSet>> expected) {
        for (int p = 0; p < Q; p++) {
            List<String> oldReplicas = before.preferenceList(p, N).replicas();
            List<String> newReplicas = after.preferenceList(p, N).replicas();
            Map<Key, SiblingSet> keys = expected.getOrDefault(p, Map.of());
            for (String r : newReplicas) {
                Map<Key, SiblingSet> held = cluster.node(r).partition(p);
                for (Map.Entry<Key, SiblingSet> e : keys.entrySet()) {
                    SiblingSet has = held.getOrDefault(e.getKey(), SiblingSet.EMPTY);
                    assertThat(has.merge(e.getValue())).as("partition %d on new replica %s: %s has every version"
                            + " it had (or newer ones)", p, r, e.getKey())
                            .isEqualTo(has).isNotEqualTo(SiblingSet.EMPTY);
                }
            }
            for (String r : oldReplicas) {
                if (!newReplicas.contains(r)) {
                    assertThat(cluster.node(r).partition(p)).as("partition %d on %s, which left its list", p, r)
                            .isEmpty();
                }
            }
        }
    }

    @Test
    void aFifthNodeTakesAFifthOfThePartitionsAndEveryKeyEndsUpOnItsNewReplicas() {
        TransferCluster cluster = new TransferCluster(1, 4, SETTINGS);
        cluster.writeReplicated(KEYS);
        Ring before = cluster.ring();
        Map<String, Map<Integer, Map<Key, SiblingSet>>> held = snapshot(cluster);
        PartitionPlan plan = RingTransition.join(before, Member.of("n5"));
        assertThat(plan.moves()).hasSizeBetween(Q / 5 - 1, Q / 5 + 1);
        assertThat(plan.movesTo("n5")).hasSize(plan.moves().size());

        cluster.add("n5");
        cluster.changeRing(plan.to());
        long took = cluster.runUntilIdle(Duration.ofSeconds(60));

        assertPlaced(cluster, before, plan.to(), everything(held));
        assertThat(took).isLessThan(30_000);
        int moved = 0;
        for (int p = 0; p < Q; p++) {
            List<String> oldReplicas = before.preferenceList(p, N).replicas();
            List<String> newReplicas = plan.to().preferenceList(p, N).replicas();
            for (Node node : cluster.nodes.values()) {
                boolean left = oldReplicas.contains(node.id) && !newReplicas.contains(node.id);
                if (!left) {
                    assertThat(node.progress(p).map(TransferProgress::drop)).as("%s p%d", node.id, p)
                            .isNotEqualTo(Optional.of(true));
                    continue;
                }
                moved++;
                int streamed = held.get(node.id).get(p).size();
                TransferProgress progress = node.progress(p).orElseThrow();
                assertThat(progress.status()).isEqualTo(TransferStatus.DONE);
                assertThat(progress.targets()).containsExactly("n5");
                assertThat(progress.keysDropped()).as("dropped exactly what it streamed").isEqualTo(streamed);
                assertThat(progress.keysSent()).isEqualTo(streamed);
                // Each key went out once with its versions: its bytes and at least one version's worth each.
                assertThat(progress.bytesSent()).as("bytes sent").isGreaterThan(streamed * 8L);
                assertThat(progress.startedMillis()).isNotNegative();
                assertThat(progress.millisLeft(progress.updatedMillis())).as("nothing left once done").isEmpty();
                assertThat(progress.passKeys()).as("between passes").isZero();
                assertThat(progress.keysRetained()).isZero();
                assertThat(progress.failures()).isZero();
            }
        }
        // n5 replicates about 3/5 of the partitions, each taken from exactly one node that left the list.
        assertThat(moved).isBetween(3 * Q / 5 - 6, 3 * Q / 5 + 6);
        assertThat(cluster.node("n5").storage.keyCount()).isBetween(KEYS * 3L / 5 - 200, KEYS * 3L / 5 + 200);
        // Nodes that stayed replicas kept everything they had.
        for (String id : List.of("n1", "n2", "n3", "n4")) {
            for (int p = 0; p < Q; p++) {
                if (plan.to().preferenceList(p, N).isReplica(id)) {
                    assertThat(cluster.node(id).partition(p)).containsAllEntriesOf(held.get(id).get(p));
                }
            }
        }
    }

    @Test
    void keysWrittenAtAnOldOwnerDuringTheTransferAreNotLost() {
        TransferCluster cluster = new TransferCluster(2, 4, new TransferSettings(3, Duration.ofSeconds(1), 1,
                Duration.ZERO));
        cluster.network.delays(20, 40);
        cluster.writeReplicated(KEYS);
        Ring before = cluster.ring();
        Map<String, Map<Integer, Map<Key, SiblingSet>>> held = snapshot(cluster);
        PartitionPlan plan = RingTransition.join(before, Member.of("n5"));
        cluster.add("n5");
        cluster.changeRing(plan.to());

        // Wait until some leaver has streamed part of a partition, then write into that partition at the leaver,
        // as a coordinator that has not heard of the new ring yet would.
        Node leaver = null;
        int partition = -1;
        while (leaver == null) {
            cluster.scheduler.advance(Duration.ofMillis(5));
            for (Node n : cluster.nodes.values()) {
                for (TransferProgress t : n.transfer.progress()) {
                    if (t.drop() && t.status() == TransferStatus.RUNNING && t.batches() >= 2 && t.passes() == 0) {
                        leaver = n;
                        partition = t.partition();
                    }
                }
            }
        }
        Map<Key, SiblingSet> streamedBefore = held.get(leaver.id).get(partition);
        Set<Key> remaining = leaver.partition(partition).keySet();
        List<Key> dropped = streamedBefore.keySet().stream().filter(k -> !remaining.contains(k)).toList();
        List<Key> notYet = streamedBefore.keySet().stream().filter(remaining::contains).toList();
        assertThat(dropped).as("some keys already handed over and dropped").isNotEmpty();
        assertThat(notYet).as("some keys not sent yet").isNotEmpty();
        List<String> updated = new ArrayList<>();
        for (Key k : List.of(dropped.get(0), dropped.get(dropped.size() - 1), notYet.get(0))) {
            leaver.put(k.toString(), "during-" + k.toString().substring(4));
            updated.add(k.toString());
        }
        List<String> added = new ArrayList<>();
        for (int i = 0; added.size() < 3; i++) {
            if (TransferCluster.partitionOf("new-" + i) == partition) {
                leaver.put("new-" + i, "fresh-" + i);
                added.add("new-" + i);
            }
        }
        cluster.runUntilIdle(Duration.ofSeconds(120));

        for (String r : plan.to().preferenceList(partition, N).replicas()) {
            if (!before.preferenceList(partition, N).isReplica(r)) {
                Node target = cluster.node(r);
                for (String key : updated) {
                    assertThat(target.store.read(Key.of(key)).liveValues()).extracting(TransferCluster::text)
                            .as("%s on %s", key, r).contains("during-" + key.substring(4));
                }
                for (String key : added) {
                    assertThat(target.store.read(Key.of(key)).liveValues()).extracting(TransferCluster::text)
                            .as("%s on %s", key, r).containsExactly("fresh-" + key.substring(4));
                }
            }
        }
        assertThat(leaver.partition(partition)).isEmpty();
        TransferProgress progress = leaver.progress(partition).orElseThrow();
        assertThat(progress.passes()).as("a pass for the change, one to confirm nothing is left")
                .isGreaterThanOrEqualTo(2);
        assertThat(progress.keysSent()).as("the re-created keys went out again")
                .isGreaterThanOrEqualTo(streamedBefore.size() + added.size());
        assertPlaced(cluster, before, plan.to(), everything(held));
    }

    @Test
    void anUnreachableNewOwnerDelaysTheTransferWhichCompletesAfterTheHeal() {
        TransferCluster cluster = new TransferCluster(3, 4, SETTINGS);
        cluster.writeReplicated(KEYS);
        Ring before = cluster.ring();
        Map<String, Map<Integer, Map<Key, SiblingSet>>> held = snapshot(cluster);
        PartitionPlan plan = RingTransition.join(before, Member.of("n5"));
        cluster.add("n5");
        cluster.network.partition(Set.of("n5"), Set.of("n1", "n2", "n3", "n4"));
        cluster.changeRing(plan.to());

        cluster.scheduler.advance(Duration.ofSeconds(10));
        List<TransferProgress> stuck = cluster.nodes.values().stream()
                .flatMap(n -> n.transfer.progress().stream()).toList();
        assertThat(stuck).isNotEmpty().allSatisfy(t -> {
            assertThat(t.status()).isNotEqualTo(TransferStatus.DONE);
            assertThat(t.keysSent()).isZero();
        });
        assertThat(stuck.stream().mapToInt(TransferProgress::failures).sum()).isGreaterThan(0);
        assertThat(stuck.stream().filter(t -> t.failures() > 0).map(TransferProgress::lastError))
                .allSatisfy(e -> assertThat(e).contains("n5"));
        assertThat(snapshot(cluster)).as("nobody dropped anything").isEqualTo(withEmptyN5(held));

        cluster.network.heal();
        cluster.runUntilIdle(Duration.ofSeconds(60));
        assertPlaced(cluster, before, plan.to(), everything(held));
    }

    @Test
    void aLeavingNodeHandsEverythingToTheRemainingNodesAndEndsIdle() {
        TransferCluster cluster = new TransferCluster(4, 5, SETTINGS);
        cluster.writeReplicated(KEYS);
        Ring before = cluster.ring();
        Map<String, Map<Integer, Map<Key, SiblingSet>>> held = snapshot(cluster);
        PartitionPlan plan = RingTransition.leave(before, "n3");
        cluster.changeRing(plan.to());
        cluster.runUntilIdle(Duration.ofSeconds(60));

        assertPlaced(cluster, before, plan.to(), everything(held));
        assertThat(cluster.node("n3").storage.keyCount()).isZero();
        assertThat(cluster.node("n3").idleCalls.get()).isPositive();
        Set<String> streamers = cluster.nodes.values().stream().filter(n -> !n.transfer.progress().isEmpty())
                .map(n -> n.id).collect(Collectors.toSet());
        assertThat(streamers).as("with N=3 of 5, only the leaver leaves lists").containsExactly("n3");
    }

    @Test
    void aClusterSmallerThanNCopiesToTheNewcomerWithoutDropping() {
        TransferCluster cluster = new TransferCluster(5, 2, SETTINGS);
        cluster.writeReplicated(500);
        Ring before = cluster.ring();
        Map<String, Map<Integer, Map<Key, SiblingSet>>> held = snapshot(cluster);
        PartitionPlan plan = RingTransition.join(before, Member.of("n3"));
        cluster.add("n3");
        cluster.changeRing(plan.to());
        cluster.runUntilIdle(Duration.ofSeconds(60));

        assertPlaced(cluster, before, plan.to(), everything(held));
        assertThat(cluster.node("n3").storage.keyCount()).isEqualTo(500);
        assertThat(cluster.node("n1").storage.keyCount()).isEqualTo(500);
        assertThat(cluster.node("n2").storage.keyCount()).isEqualTo(500);
        List<TransferProgress> all = cluster.nodes.values().stream().flatMap(n -> n.transfer.progress().stream())
                .toList();
        assertThat(all).hasSize(Q).allSatisfy(t -> assertThat(t.drop()).isFalse());
    }

    /**
     * A leaver's last hand-off to a new replica that then dies and is removed would retry forever (seen on real nodes:
     * the leaver never dropped its data nor marked itself LEFT); it goes to the partition's current replicas.
     */
    @Test
    void aHandOffWhoseTargetIsRemovedGoesToThePartitionsCurrentReplicasInstead() {
        TransferCluster cluster = new TransferCluster(8, 5, SETTINGS);
        cluster.writeReplicated(KEYS);
        cluster.changeRing(RingTransition.leave(cluster.ring(), "n2").to());
        while (cluster.ring().handover().isPresent()) {
            cluster.scheduler.advance(Duration.ofMillis(10));
        }
        // The change is over; n2 now hands each partition over once more before dropping it. Cut it off first.
        Node n2 = cluster.node("n2");
        cluster.network.partition(Set.of("n2"), Set.of("n1", "n3", "n4", "n5"));
        cluster.scheduler.advance(Duration.ofMillis(500));
        String dead = n2.transfer.progress().stream().filter(t -> t.drop() && !t.targets().isEmpty())
                .map(t -> t.targets().get(0)).findFirst().orElseThrow();
        cluster.nodes.remove(dead).transfer.close(); // it died
        cluster.changeRing(RingTransition.plan(cluster.ring(), List.of(RingChange.remove(dead))).to(),
                Set.of(dead));
        Set<String> alive = new java.util.TreeSet<>(Set.of("n1", "n2", "n3", "n4", "n5"));
        alive.remove(dead);
        cluster.network.heal();
        cluster.network.partition(Set.of(dead), alive);

        cluster.runUntilIdle(Duration.ofSeconds(60));

        assertThat(n2.storage.keyCount()).as("n2 handed everything over and dropped it").isZero();
        assertThat(n2.transfer.progress()).filteredOn(TransferProgress::drop)
                .allSatisfy(t -> assertThat(t.targets()).doesNotContain(dead));
    }

    @Test
    void aNodeThatLostItsPlanInACrashHandsOffLeftoverDataByItsSweep() {
        TransferCluster cluster = new TransferCluster(6, 4, SETTINGS);
        cluster.writeReplicated(KEYS);
        Ring before = cluster.ring();
        Map<String, Map<Integer, Map<Key, SiblingSet>>> held = snapshot(cluster);
        PartitionPlan plan = RingTransition.join(before, Member.of("n5"));
        cluster.add("n5");
        // Every node but n2 hears of the change; n2 "restarts" already holding the new ring but no plan.
        for (Node n : cluster.nodes.values()) {
            n.ring.set(plan.to());
            if (!n.id.equals("n2")) {
                n.transfer.ringChanged(Optional.of(before), plan.to());
            }
        }
        Node n2 = cluster.node("n2");
        n2.transfer.close();
        PartitionTransfer restarted = new PartitionTransfer("n2", N, n2.ring::get, n2.store, n2.peers,
                cluster.scheduler, SETTINGS);
        restarted.start();
        cluster.scheduler.advance(Duration.ofMillis(1_500)); // the first tick sweeps
        assertThat(restarted.progress()).as("partitions n2 holds but no longer replicates").isNotEmpty();
        cluster.runUntilIdle(Duration.ofSeconds(60));
        while (!restarted.idle()) {
            cluster.scheduler.advance(Duration.ofMillis(100));
        }
        assertThat(restarted.progress()).isNotEmpty().allSatisfy(t -> assertThat(t.drop()).isTrue());
        assertPlaced(cluster, before, plan.to(), everything(held));
    }

    private static Map<String, Map<Integer, Map<Key, SiblingSet>>> withEmptyN5(
            Map<String, Map<Integer, Map<Key, SiblingSet>>> held) {
        Map<String, Map<Integer, Map<Key, SiblingSet>>> out = new HashMap<>(held);
        Map<Integer, Map<Key, SiblingSet>> empty = new HashMap<>();
        for (int p = 0; p < Q; p++) {
            empty.put(p, new TreeMap<>());
        }
        out.put("n5", empty);
        return out;
    }
}
