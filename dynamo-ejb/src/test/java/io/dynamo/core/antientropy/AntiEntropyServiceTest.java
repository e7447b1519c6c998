package io.dynamo.core.antientropy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Partitioner;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.transport.Failure;
import io.dynamo.core.transport.Message;
import io.dynamo.core.transport.UnreachableException;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AntiEntropyServiceTest {
    private static final int Q = 8;
    private static final AntiEntropySettings SETTINGS = new AntiEntropySettings(Duration.ofSeconds(1), 100, 4);

    private final LoopbackNetwork network = new LoopbackNetwork();
    private final ManualScheduler scheduler = new ManualScheduler();

    private List<Replica> cluster(int n, String... ids) {
        Ring ring = Ring.initial(Q, List.of(ids).stream().map(Member::of).toList());
        List<Replica> replicas = new ArrayList<>();
        for (String id : ids) {
            replicas.add(new Replica(id, () -> ring, n, network, scheduler, SETTINGS));
        }
        return replicas;
    }

    /** Written on the first replica and copied verbatim to the others, as replication would. */
    private static void writeEverywhere(List<Replica> replicas, int count) {
        for (int i = 0; i < count; i++) {
            Key key = Key.of("key-" + i);
            SiblingSet set = replicas.get(0).put("key-" + i, "value-" + i);
            replicas.stream().skip(1).forEach(r -> r.store.merge(key, set));
        }
    }

    private static List<ExchangeResult> exchangeEveryPartition(Replica from) {
        List<ExchangeResult> results = new ArrayList<>();
        for (int p = 0; p < Q; p++) {
            results.add(from.service.runOnce(p).join());
        }
        return results;
    }

    private static int sum(List<ExchangeResult> results, ToIntFunction<ExchangeResult> f) {
        return results.stream().mapToInt(f).sum();
    }

    @Test
    void twoReplicasConvergeByExchangingOnlyTheDifferingKeys() {
        List<Replica> replicas = cluster(2, "a", "b");
        Replica a = replicas.get(0);
        Replica b = replicas.get(1);
        writeEverywhere(replicas, 1_000);
        for (int i = 0; i < 7; i++) {
            a.put("only-a-" + i, "a");
            b.put("only-b-" + i, "b");
        }
        for (int i = 0; i < 6; i++) {
            a.put("key-" + i * 100, "from a"); // both supersede the shared version, concurrently
            b.put("key-" + i * 100, "from b");
        }
        assertThat(a.all()).isNotEqualTo(b.all());
        network.resetCounts();

        List<ExchangeResult> results = exchangeEveryPartition(a);

        assertThat(a.all()).hasSize(1_014).isEqualTo(b.all());
        for (int i = 0; i < 6; i++) {
            SiblingSet both = a.get("key-" + i * 100);
            assertThat(both.liveValues()).extracting(AntiEntropyServiceTest::text)
                    .containsExactlyInAnyOrder("from a", "from b");
        }
        assertThat(a.get("only-b-3").liveValues()).extracting(AntiEntropyServiceTest::text).containsExactly("b");
        assertThat(b.get("only-a-3").liveValues()).extracting(AntiEntropyServiceTest::text).containsExactly("a");
        // 7 only on b and 6 concurrent came to a; 7 only on a and the 6 merged ones went to b.
        assertThat(sum(results, ExchangeResult::keysReceived)).isEqualTo(13);
        assertThat(sum(results, ExchangeResult::keysRepaired)).isEqualTo(13);
        assertThat(sum(results, ExchangeResult::keysSent)).isEqualTo(13);
        assertThat(network.sent(WriteReplica.class)).isEqualTo(13);
        // Keys compared are those of the differing segments only, far fewer than the 1,014 held.
        assertThat(sum(results, ExchangeResult::keysCompared)).isBetween(20, 60);
        assertThat(sum(results, ExchangeResult::segmentsDiffering)).isBetween(1, 20);

        network.resetCounts();
        List<ExchangeResult> again = exchangeEveryPartition(a);
        assertThat(again).allMatch(ExchangeResult::inSync).allMatch(r -> r.roundTrips() == 1);
        assertThat(sum(again, ExchangeResult::keysCompared)).isZero();
        assertThat(network.sent(MerkleQuery.class)).isEqualTo(Q);
        assertThat(network.sent(SegmentQuery.class) + network.sent(WriteReplica.class)).isZero();
        assertThat(exchangeEveryPartition(b)).allMatch(r -> r.segmentsDiffering() == 0);

        AntiEntropyStats stats = a.service.stats();
        assertThat(stats.exchanges()).isEqualTo(2L * Q);
        assertThat(stats.failures()).isZero();
        assertThat(stats.keysRepaired()).isEqualTo(13);
        assertThat(stats.keysSent()).isEqualTo(13);
        assertThat(stats.partitions()).hasSize(Q);
        assertThat(stats.partition(0).lastPeer()).isEqualTo("b");
        assertThat(stats.partition(0).lastExchangeMillis()).isEqualTo(scheduler.nowMillis());
    }

    @Test
    void descendsOneLevelPerRoundTripAndOnlyWhereTreesDiffer() {
        List<Replica> replicas = cluster(2, "a", "b");
        writeEverywhere(replicas, 200);
        replicas.get(1).put("key-7", "newer on b");
        int partition = new Partitioner(Q).partitionOfKey("key-7".getBytes(StandardCharsets.UTF_8));

        ExchangeResult r = replicas.get(0).service.exchange(partition, "b").join();

        // Root, then 10 levels of two children each, then one segment query; nothing to send back.
        assertThat(r.roundTrips()).isEqualTo(1 + MerkleTree.DEFAULT_DEPTH + 1);
        assertThat(r.segmentsDiffering()).isEqualTo(1);
        assertThat(r.keysReceived()).isEqualTo(1);
        assertThat(r.keysRepaired()).isEqualTo(1);
        assertThat(r.keysSent()).isZero(); // b's version already covered a's
        assertThat(replicas.get(0).get("key-7")).isEqualTo(replicas.get(1).get("key-7"));
    }

    @Test
    void threeReplicasConvergeIncludingDeletes() {
        List<Replica> replicas = cluster(3, "a", "b", "c");
        Replica a = replicas.get(0);
        Replica b = replicas.get(1);
        Replica c = replicas.get(2);
        writeEverywhere(replicas, 1_000);
        a.put("only-a", "a");
        b.put("only-b", "b");
        c.put("only-c", "c");
        a.put("key-1", "a1");
        b.put("key-1", "b1");
        c.put("key-1", "c1");
        SiblingSet deleted = c.store.coordinate(Key.of("key-2"), c.get("key-2").context(), Value.tombstone());
        b.put("key-3", "b3");

        // Each node takes each of its peers once per partition; after that everything has met everything.
        for (int round = 0; round < 2; round++) {
            for (Replica r : replicas) {
                assertThat(r.service.runRound().join()).hasSize(Q);
            }
        }

        Map<Key, SiblingSet> expected = a.all();
        assertThat(expected).hasSize(1_003);
        assertThat(b.all()).isEqualTo(expected);
        assertThat(c.all()).isEqualTo(expected);
        assertThat(a.get("key-1").liveValues()).extracting(AntiEntropyServiceTest::text)
                .containsExactlyInAnyOrder("a1", "b1", "c1");
        assertThat(a.get("key-2")).isEqualTo(deleted);
        assertThat(a.get("key-2").isDeleted()).isTrue();
        assertThat(c.get("key-3").liveValues()).extracting(AntiEntropyServiceTest::text).containsExactly("b3");
        for (int p = 0; p < Q; p++) {
            assertThat(a.trees.tree(p).root()).isEqualTo(b.trees.tree(p).root()).isEqualTo(c.trees.tree(p).root());
        }

        network.resetCounts();
        for (Replica r : replicas) {
            assertThat(r.service.runRound().join()).allMatch(ExchangeResult::inSync);
        }
        assertThat(network.sent(SegmentQuery.class) + network.sent(WriteReplica.class)).isZero();
    }

    @Test
    void onlyReplicasOfAPartitionTakePart() {
        List<Replica> replicas = cluster(2, "a", "b", "c");
        Replica a = replicas.get(0);
        Ring ring = Ring.initial(Q, List.of(Member.of("a"), Member.of("b"), Member.of("c")));
        int notA = -1;
        for (int p = 0; p < Q; p++) {
            if (!ring.preferenceList(p, 2).isReplica("a")) {
                notA = p;
            }
        }
        assertThat(notA).isNotNegative();

        assertThat(a.service.runOnce(notA)).isCompletedExceptionally();
        Message refused = a.service.onMerkleQuery("b", new MerkleQuery(notA, 0, new int[] {0})).join();
        assertThat(refused).isInstanceOfSatisfying(Failure.class,
                f -> assertThat(f.kind()).isEqualTo(Failure.Kind.NOT_READY));

        List<ExchangeResult> round = a.service.runRound().join();
        assertThat(round).isNotEmpty().allMatch(r -> ring.preferenceList(r.partition(), 2).isReplica(r.peer()));
    }

    @Test
    void malformedQueriesAreRefusedNotThrown() {
        Replica a = cluster(2, "a", "b").get(0);
        Message tooDeep = a.service.onMerkleQuery("b", new MerkleQuery(0, 11, new int[] {0})).join();
        Message badSegment = a.service.onSegmentQuery("b", new SegmentQuery(0, new int[] {1 << 10}, List.of()))
                .join();
        Message badPartition = a.service.onMerkleQuery("b", new MerkleQuery(Q, 0, new int[] {0})).join();
        for (Message reply : List.of(tooDeep, badSegment, badPartition)) {
            assertThat(reply).isInstanceOfSatisfying(Failure.class,
                    f -> assertThat(f.kind()).isEqualTo(Failure.Kind.INVALID_REQUEST));
        }
    }

    @Test
    void anUnreachablePeerFailsTheExchangeAndIsRecorded() {
        List<Replica> replicas = cluster(2, "a", "b");
        Replica a = replicas.get(0);
        writeEverywhere(replicas, 50);
        network.cut("b");

        CompletableFuture<ExchangeResult> exchange = a.service.runOnce(0);

        assertThat(exchange).isCompletedExceptionally();
        assertThat(exchange.handle((r, e) -> e).join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(UnreachableException.class);
        PartitionStats p0 = a.service.stats().partition(0);
        assertThat(p0.failures()).isEqualTo(1);
        assertThat(p0.lastPeer()).isEqualTo("b");
        assertThat(p0.lastFailure()).contains("unreachable");
        assertThat(a.service.runNext().join()).isEmpty(); // recorded, not thrown
    }

    @Test
    void thePeriodicTaskSurvivesFailuresAndRepairsOnceThePeerIsBack() {
        List<Replica> replicas = cluster(2, "a", "b");
        Replica a = replicas.get(0);
        Replica b = replicas.get(1);
        writeEverywhere(replicas, 300);
        for (int i = 0; i < 10; i++) {
            b.put("missed-" + i, "x");
        }
        network.cut("b");
        a.service.start();

        scheduler.advance(Duration.ofSeconds(Q));
        assertThat(a.service.stats().failures()).isEqualTo(Q);
        assertThat(a.service.stats().exchanges()).isZero();

        network.heal("b");
        scheduler.advance(Duration.ofSeconds(Q));
        AntiEntropyStats stats = a.service.stats();
        assertThat(stats.exchanges()).isEqualTo(Q);
        assertThat(stats.keysRepaired()).isEqualTo(10);
        assertThat(a.all()).isEqualTo(b.all());

        a.service.close();
        scheduler.advance(Duration.ofSeconds(Q));
        assertThat(a.service.stats().exchanges()).isEqualTo(Q);
    }

    @Test
    void runNextWalksThePartitionsInTurn() {
        List<Replica> replicas = cluster(3, "a", "b", "c");
        Replica a = replicas.get(0);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 2 * Q; i++) {
            Optional<ExchangeResult> r = a.service.runNext().join();
            assertThat(r).isPresent();
            seen.add(r.get().partition() + r.get().peer());
        }
        Map<String, Long> counts = seen.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(counts).hasSize(2 * Q).allSatisfy((k, v) -> assertThat(v).isEqualTo(1L));
    }

    @Test
    void aRebuiltTreeMatchesTheLiveOne() {
        List<Replica> replicas = cluster(2, "a", "b");
        writeEverywhere(replicas, 500);
        Replica a = replicas.get(0);
        long[] roots = new long[Q];
        for (int p = 0; p < Q; p++) {
            roots[p] = a.trees.tree(p).root();
            a.trees.rebuild(p);
            assertThat(a.trees.tree(p).root()).isEqualTo(roots[p]).isNotZero();
        }
    }

    @Test
    void anEmptyReplicaIsFilledInBatchesAndFillsTheOtherWay() {
        List<Replica> replicas = cluster(2, "a", "b");
        Replica a = replicas.get(0);
        Replica b = replicas.get(1);
        for (int i = 0; i < 3_000; i++) {
            a.put("a-" + i, "x");
        }

        List<ExchangeResult> toB = exchangeEveryPartition(a);

        assertThat(b.all()).hasSize(3_000).isEqualTo(a.all());
        assertThat(sum(toB, ExchangeResult::keysSent)).isEqualTo(3_000);
        assertThat(sum(toB, ExchangeResult::keysReceived)).isZero();
        // 100 hashes per query at most (bar single big segments): several queries per partition.
        assertThat(network.sent(SegmentQuery.class)).isGreaterThanOrEqualTo(30);

        List<Replica> other = cluster(2, "c", "d");
        Replica c = other.get(0);
        Replica d = other.get(1);
        for (int i = 0; i < 3_000; i++) {
            d.put("d-" + i, "y");
        }
        List<ExchangeResult> toC = exchangeEveryPartition(c); // the empty side asks
        assertThat(c.all()).hasSize(3_000).isEqualTo(d.all());
        assertThat(sum(toC, ExchangeResult::keysReceived)).isEqualTo(3_000);
        assertThat(sum(toC, ExchangeResult::keysRepaired)).isEqualTo(3_000);
        assertThat(sum(toC, ExchangeResult::keysSent)).isZero();
    }

    @Test
    void exchangesRunningDuringWritesStillConverge() throws Exception {
        List<Replica> replicas = cluster(2, "a", "b");
        Replica a = replicas.get(0);
        Replica b = replicas.get(1);
        writeEverywhere(replicas, 500);
        List<Thread> writers = new ArrayList<>();
        for (Replica r : replicas) {
            Thread t = new Thread(() -> {
                Random random = new Random(r.id.hashCode());
                for (int i = 0; i < 3_000; i++) {
                    r.put("key-" + random.nextInt(700), r.id + i);
                }
            });
            writers.add(t);
            t.start();
        }
        while (writers.stream().anyMatch(Thread::isAlive)) {
            a.service.runRound().join();
            b.service.runRound().join();
        }
        for (Thread t : writers) {
            t.join();
        }
        a.service.runRound().join();
        assertThat(a.all()).isEqualTo(b.all());
        assertThat(a.service.runRound().join()).allMatch(ExchangeResult::inSync);
        for (int p = 0; p < Q; p++) {
            assertThat(a.trees.tree(p).root()).isEqualTo(b.trees.tree(p).root());
        }
    }

    private static String text(Value v) {
        return new String(v.bytes(), StandardCharsets.UTF_8);
    }
}
