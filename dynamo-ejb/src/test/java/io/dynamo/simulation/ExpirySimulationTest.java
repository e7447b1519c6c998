package io.dynamo.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.antientropy.TombstoneSettings;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.node.ReadResult;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import io.dynamo.testkit.LocalCluster;
import io.dynamo.testkit.NodeWiring;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Values with a time to live on a five-node cluster (N=3, R=W=2) whose clocks are up to 200 ms apart, with
 * anti-entropy, read repair, hinted handoff and tombstone collection running:
 * <ul>
 * <li>a value written to all three replicas expires while one of them is partitioned away; once healed, reads
 *     through that stale replica (at R=1 too) never return it, and every replica ends without it;</li>
 * <li>under the {@link Nemesis} (partitions, crashes, message loss; no wipes) clients write keys of their own with
 *     no TTL, a long one or a short one, and a few contested keys with short TTLs, plain values and deletes. No read
 *     ever returns a value past its expiry (beyond the clock skew); once healed, every acknowledged value that has
 *     not expired reads back through every node, and no replica holds a live copy of an expired one;</li>
 * <li>an expired key reads 404 with a context, and a put with that context supersedes the expired version.</li>
 * </ul>
 */
class ExpirySimulationTest {
    private static final int SEEDS = Integer.getInteger("dynamo.seeds", 8);
    private static final long SKEW = 200;
    private static final List<String> CONTESTED = List.of("k0", "k1", "k2");

    @Test
    void expiredValuesNeverComeBackAndUnexpiredOnesAreKept() {
        List<String> failures = new ArrayList<>();
        Totals totals = new Totals();
        Long only = Long.getLong("dynamo.seed");
        for (int i = 0; i < (only != null ? 1 : SEEDS); i++) {
            long seed = only != null ? only : 9100 + i;
            List<String> problems = run(seed, totals);
            if (!problems.isEmpty()) {
                String all = String.join("; ", problems);
                failures.add("seed " + seed + ": " + (all.length() > 600 ? all.substring(0, 600) + "..." : all));
            }
        }
        System.out.println("expiry under faults: " + totals.kept + " unexpired values kept, " + totals.expired
                + " expired keys, " + totals.reads + " reads checked, " + totals.revived + " expired keys rewritten, "
                + failures.size() + " seeds failed");
        assertThat(failures).as("replay one with -Ddynamo.seed=N").isEmpty();
        assertThat(totals.kept).as("acknowledged values that must stay").isGreaterThan(SEEDS * 50L);
        assertThat(totals.expired).as("keys that expired").isGreaterThan(SEEDS * 50L);
        assertThat(totals.reads).as("reads during the faults").isGreaterThan(SEEDS * 100L);
    }

    private static final class Totals {
        long kept;
        long expired;
        long reads;
        long revived;
    }

    /** An acknowledged (or attempted) write of a key of its own: what must read back, or not. */
    private record Written(String key, String value, long expiresAt) {
    }

    private static List<String> run(long seed, Totals totals) {
        Random random = new Random(seed * 31 + 7);
        NodeWiring wiring = NodeWiring.PLAIN.withClockOffsets(id -> Math.floorMod(id.hashCode() * 7919L + seed,
                SKEW));
        List<String> problems = new ArrayList<>();
        try (LocalCluster cluster = new LocalCluster(seed, 5, 3, 2, 2, 16, LocalCluster.fastTiming()
                .withTombstones(new TombstoneSettings(Duration.ofSeconds(3), Duration.ofMillis(500), 100)), wiring)) {
            problems.addAll(expiresWhileAReplicaIsAway(cluster));

            cluster.network().delays(1, 15).duplication(0.02);
            Nemesis nemesis = new Nemesis(cluster, random, 0.03).withoutWipes();
            nemesis.start();
            List<Written> attempted = new ArrayList<>();
            Map<Written, CompletableFuture<Context>> writes = new LinkedHashMap<>();
            Map<String, Context> seen = new LinkedHashMap<>();
            for (int step = 0; step < 150; step++) {
                for (int client = 0; client < 3; client++) {
                    Written w = ownKey(cluster, random, "u-" + client + "-" + step, writes);
                    if (w != null) {
                        attempted.add(w);
                    }
                    contested(cluster, random, "c" + client + "-" + step, seen);
                    totals.reads += checkedRead(cluster, random, attempted, problems);
                }
                cluster.runFor(Duration.ofMillis(random.nextInt(40)));
            }
            cluster.runFor(Duration.ofSeconds(5));
            nemesis.stop();
            cluster.network().duplication(0);
            cluster.runFor(Duration.ofSeconds(30));

            long now = cluster.scheduler().nowMillis();
            for (Map.Entry<Written, CompletableFuture<Context>> e : writes.entrySet()) {
                Written w = e.getKey();
                boolean acknowledged = e.getValue().isDone() && !e.getValue().isCompletedExceptionally();
                if (w.expiresAt() == Value.NEVER || w.expiresAt() > now + SKEW) {
                    if (acknowledged) {
                        totals.kept++;
                        problems.addAll(readsBackEverywhere(cluster, w));
                    }
                } else {
                    totals.expired++;
                    problems.addAll(goneEverywhere(cluster, w.key(), now));
                }
            }
            for (String k : CONTESTED) {
                problems.addAll(goneEverywhere(cluster, k, now));
            }
            totals.revived += reviveExpired(cluster, writes.keySet(), now, problems);
        }
        return problems;
    }

    /** Written to all three replicas, then one is partitioned away until well after the value expired. */
    private static List<String> expiresWhileAReplicaIsAway(LocalCluster cluster) {
        List<String> problems = new ArrayList<>();
        String key = "away";
        List<String> owners = owners(cluster, key);
        String away = owners.get(2);
        long expiresAt = cluster.scheduler().nowMillis() + 2000;
        DynamoNode first = cluster.node(owners.get(0));
        cluster.await(first.putAsync(LocalCluster.key(key), Context.EMPTY, LocalCluster.text("short")
                .expiringAt(expiresAt), OptionalInt.of(3)));
        Set<String> others = new HashSet<>(cluster.nodeIds());
        others.remove(away);
        cluster.network().partition(Set.of(away), others);
        cluster.runFor(Duration.ofSeconds(4));
        for (String id : others) {
            if (cluster.get(id, key, 2).found()) {
                problems.add(key + " read through " + id + " after its expiry");
            }
        }
        if (!cluster.stored(away, key).siblings().stream().allMatch(s -> s.value().expiresAt() == expiresAt)) {
            problems.add("the replica away holds " + cluster.stored(away, key) + ", not the expiring value");
        }
        // The stale replica reads its own copy at R=1, cut off and just after the heal: the copy carries its expiry.
        problems.addAll(readsGoneThrough(cluster, away, key, 1));
        cluster.network().heal();
        problems.addAll(readsGoneThrough(cluster, away, key, 1));
        // Once it reaches the others again (its detector probes them), at R=2 and 3 too.
        cluster.runFor(Duration.ofSeconds(2));
        problems.addAll(readsGoneThrough(cluster, away, key, 2));
        problems.addAll(readsGoneThrough(cluster, away, key, 3));
        cluster.runFor(Duration.ofSeconds(10));
        problems.addAll(goneEverywhere(cluster, key, cluster.scheduler().nowMillis()));
        return problems;
    }

    /**
     * The key reads 404 through the node at R; at R=1, before the tombstone reaper can have removed the key (its
     * grace is 3 s here), with a context that covers what expired.
     */
    private static List<String> readsGoneThrough(LocalCluster cluster, String via, String key, int r) {
        ReadResult read = cluster.get(via, key, r);
        return read.found() || r == 1 && read.context().clock().isEmpty()
                ? List.of(key + " read through " + via + " at R=" + r + " gives " + read) : List.of();
    }

    /** A put of a key of this client's own with no TTL, a long one or a short one (1 to 4 s). */
    private static Written ownKey(LocalCluster cluster, Random random, String key,
                                  Map<Written, CompletableFuture<Context>> writes) {
        DynamoNode via = anyRunning(cluster, random);
        if (via == null) {
            return null;
        }
        int kind = random.nextInt(3);
        long expiresAt = kind == 0 ? Value.NEVER : cluster.scheduler().nowMillis()
                + (kind == 1 ? 3_600_000 : 1000 + random.nextInt(3000));
        Written w = new Written(key, "v-" + key, expiresAt);
        writes.put(w, via.putAsync(LocalCluster.key(key), Context.EMPTY, LocalCluster.text(w.value())
                .expiringAt(expiresAt), OptionalInt.empty()));
        return w;
    }

    /** A write of a contested key: a value expiring within 1 to 3 s, or a delete; half blind, half with a context. */
    private static void contested(LocalCluster cluster, Random random, String value, Map<String, Context> seen) {
        DynamoNode via = anyRunning(cluster, random);
        if (via == null) {
            return;
        }
        String key = CONTESTED.get(random.nextInt(CONTESTED.size()));
        Context context = random.nextBoolean() ? Context.EMPTY : seen.getOrDefault(key, Context.EMPTY);
        CompletableFuture<Context> f = random.nextInt(5) == 0
                ? via.deleteAsync(LocalCluster.key(key), context, OptionalInt.empty())
                : via.putAsync(LocalCluster.key(key), context, LocalCluster.text(value)
                        .expiringAt(cluster.scheduler().nowMillis() + 1000 + random.nextInt(2000)),
                        OptionalInt.empty());
        f.thenAccept(c -> seen.put(key, c));
    }

    /** A read of a random key written so far, through a random node: nothing it returns is past its expiry. */
    private static int checkedRead(LocalCluster cluster, Random random, List<Written> attempted,
                                   List<String> problems) {
        DynamoNode via = anyRunning(cluster, random);
        if (via == null || attempted.isEmpty()) {
            return 0;
        }
        String key = random.nextBoolean() ? CONTESTED.get(random.nextInt(CONTESTED.size()))
                : attempted.get(random.nextInt(attempted.size())).key();
        via.getAsync(LocalCluster.key(key), OptionalInt.empty()).thenAccept(read -> {
            long now = cluster.scheduler().nowMillis();
            for (Value v : read.values()) {
                if (v.expiresAt() != Value.NEVER && v.expiresAt() <= now - SKEW) {
                    problems.add(key + " read through " + via.id() + " at " + now + " gives "
                            + LocalCluster.text(v) + ", expired at " + v.expiresAt());
                }
            }
        });
        return 1;
    }

    private static List<String> readsBackEverywhere(LocalCluster cluster, Written w) {
        List<String> problems = new ArrayList<>();
        for (String id : cluster.nodeIds()) {
            ReadResult read = cluster.get(id, w.key(), 2);
            if (read.values().size() != 1 || !LocalCluster.text(read.values().get(0)).equals(w.value())
                    || read.values().get(0).expiresAt() != w.expiresAt()) {
                problems.add(w.key() + " (acknowledged, expires " + w.expiresAt() + ") read through " + id
                        + " gives " + read.values());
            }
        }
        return problems;
    }

    /** No read finds the key and no replica holds a live copy of anything that expires. */
    private static List<String> goneEverywhere(LocalCluster cluster, String key, long now) {
        List<String> problems = new ArrayList<>();
        for (String id : cluster.nodeIds()) {
            ReadResult read = cluster.get(id, key, 2);
            if (read.values().stream().anyMatch(v -> v.expiresAt() != Value.NEVER)) {
                problems.add(key + " read through " + id + " gives an expiring value: " + read.values());
            }
        }
        for (String id : owners(cluster, key)) {
            SiblingSet held = cluster.stored(id, key);
            if (held.siblings().stream().anyMatch(s -> s.value().expiresAt() != Value.NEVER
                    && s.value().expiresAt() > now - SKEW)) {
                problems.add(key + " on " + id + " still holds " + held);
            }
        }
        return problems;
    }

    /** An expired key reads 404 with a context, and a put with it leaves the new value alone. */
    private static int reviveExpired(LocalCluster cluster, Set<Written> written, long now, List<String> problems) {
        int revived = 0;
        for (Written w : written) {
            if (w.expiresAt() == Value.NEVER || w.expiresAt() > now - SKEW || revived == 5) {
                continue;
            }
            String via = cluster.nodeIds().get(revived);
            ReadResult gone = cluster.get(via, w.key(), 2);
            if (gone.found()) {
                problems.add(w.key() + " expired but reads " + gone.values());
                continue;
            }
            cluster.put(via, w.key(), gone.context(), "again", 2);
            ReadResult again = cluster.get(cluster.nodeIds().get(4 - revived), w.key(), 2);
            if (!again.values().equals(List.of(LocalCluster.text("again")))) {
                problems.add(w.key() + " rewritten after expiry reads " + again.values());
            }
            revived++;
        }
        return revived;
    }

    private static DynamoNode anyRunning(LocalCluster cluster, Random random) {
        List<String> up = cluster.nodeIds().stream().filter(cluster::isRunning).toList();
        return up.isEmpty() ? null : cluster.node(up.get(random.nextInt(up.size())));
    }

    private static List<String> owners(LocalCluster cluster, String key) {
        PreferenceList list = cluster.ring().preferenceList(
                cluster.ring().partitioner().partitionOf(LocalCluster.key(key).md5()), 3);
        return list.replicas();
    }
}
