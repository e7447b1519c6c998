package io.dynamo.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Sibling sets of a last-write-wins namespace: which version wins, and that every replica ends with it. */
class LatestWinsTest {
    private static final int MAX = 10;

    private static Value value(String s) {
        return Value.of(s.getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    private static SiblingSet write(String actor, long counter, HybridTime time, String value) {
        return SiblingSet.EMPTY.latestWins().put(Context.EMPTY, new Dot(actor, counter), value(value), time.millis(),
                time, MAX);
    }

    @Test
    void theLaterHybridTimeWinsThenTheCounterThenTheNode() {
        SiblingSet early = write("node-2.b", 1, new HybridTime(1_000, 5), "early");
        SiblingSet late = write("node-1.a", 1, new HybridTime(1_001, 0), "late");
        // A later millisecond wins, whatever the logical counter or the node.
        assertThat(early.merge(late).liveValues()).containsExactly(value("late"));

        SiblingSet counted = write("node-1.a", 2, new HybridTime(1_000, 6), "counted");
        // In the same millisecond the logical counter decides.
        assertThat(early.merge(counted).liveValues()).containsExactly(value("counted"));

        SiblingSet sameTime = write("node-3.c", 1, new HybridTime(1_000, 5), "node-3");
        // At equal times the greater actor (node id first) decides, on every replica alike.
        assertThat(early.merge(sameTime).liveValues()).containsExactly(value("node-3"));
        assertThat(sameTime.merge(early).liveValues()).containsExactly(value("node-3"));

        SiblingSet merged = early.merge(late).merge(counted).merge(sameTime);
        assertThat(merged.siblings()).hasSize(1);
        assertThat(merged.siblings().get(0).time()).isEqualTo(new HybridTime(1_001, 0));
        // The context covers the versions that lost, so a write with it supersedes all of them.
        for (SiblingSet lost : List.of(early, counted, sameTime)) {
            assertThat(merged.context().clock().covers(lost.siblings().get(0).dot())).isTrue();
        }
    }

    @Test
    void aWriteWithTheContextReplacesTheWinnerEvenWithAnOlderClock() {
        SiblingSet winner = write("node-1.a", 1, new HybridTime(5_000, 0), "winner");
        HybridClock behind = new HybridClock(() -> 1_000); // a node whose wall clock is 4 s behind
        behind.observe(winner.latestTime()); // it holds the winner, as a replica that merged it does
        SiblingSet next = winner.put(winner.context(), new Dot("node-2.b", 1), value("next"), 1_000, behind.now(), MAX);
        assertThat(next.liveValues()).containsExactly(value("next"));
        assertThat(next.siblings().get(0).time()).isEqualTo(new HybridTime(5_000, 1));
        assertThat(next.merge(winner)).isEqualTo(next);
        assertThat(winner.merge(next).liveValues()).containsExactly(value("next"));
    }

    @Test
    void aConcurrentDeleteWinsOnlyWhenItIsLater() {
        SiblingSet put = write("node-1.a", 1, new HybridTime(2_000, 0), "kept");
        SiblingSet delete = SiblingSet.EMPTY.latestWins().put(Context.EMPTY, new Dot("node-2.b", 1), Value.tombstone(),
                1_999, new HybridTime(1_999, 0), MAX);
        assertThat(put.merge(delete).liveValues()).containsExactly(value("kept"));
        SiblingSet laterDelete = SiblingSet.EMPTY.latestWins().put(Context.EMPTY, new Dot("node-2.b", 2),
                Value.tombstone(), 2_001, new HybridTime(2_001, 0), MAX);
        assertThat(put.merge(laterDelete).isDeleted()).isTrue();
    }

    @Test
    void aSetWithoutTheMarkMergedWithOneWithItKeepsTheLatestOnly() {
        SiblingSet siblings = SiblingSet.EMPTY.put(Context.EMPTY, new Dot("node-1.a", 1), value("a"), 1, MAX)
                .put(Context.EMPTY, new Dot("node-2.b", 1), value("b"), 1, MAX);
        SiblingSet latest = write("node-3.c", 1, new HybridTime(10, 0), "c");
        assertThat(siblings.merge(latest).liveValues()).containsExactly(value("c"));
        assertThat(latest.merge(siblings).liveValues()).containsExactly(value("c"));
        // Versions stored before they had times lose to any timed one, and among themselves the actor decides.
        assertThat(siblings.latestWins().liveValues()).containsExactly(value("b"));
    }

    /**
     * Replicas with skewed wall clocks take concurrent writes (blind, or with the context they hold) and exchange
     * their sets in a random order; afterwards every replica holds exactly one version, the same, and it is the
     * greatest of all writes in {@link SiblingSet#LATEST_FIRST} order.
     */
    @Property(tries = 300)
    void everyReplicaEndsWithTheSameLatestVersion(@ForAll long seed) {
        Random random = new Random(seed);
        int n = 3;
        SiblingSet[] replicas = new SiblingSet[n];
        HybridClock[] clocks = new HybridClock[n];
        AtomicLong wall = new AtomicLong(1_000_000);
        long[] counters = new long[n];
        for (int i = 0; i < n; i++) {
            replicas[i] = SiblingSet.EMPTY.latestWins();
            long skew = random.nextInt(2_000) - 1_000;
            clocks[i] = new HybridClock(() -> wall.get() + skew);
        }
        List<Sibling> written = new ArrayList<>();
        for (int step = 0; step < 60; step++) {
            wall.addAndGet(random.nextInt(3));
            int i = random.nextInt(n);
            if (random.nextInt(3) == 0) {
                int from = random.nextInt(n);
                clocks[i].observe(replicas[from].latestTime());
                replicas[i] = replicas[i].merge(replicas[from]).latestWins();
            } else {
                Context context = random.nextBoolean() ? replicas[i].context() : Context.EMPTY;
                clocks[i].observe(replicas[i].latestTime());
                HybridTime stamp = clocks[i].now();
                Dot dot = new Dot("node-" + i + ".x", ++counters[i]);
                Value v = random.nextInt(5) == 0 ? Value.tombstone() : value("v" + step);
                replicas[i] = replicas[i].put(context, dot, v, stamp.millis(), stamp, MAX);
                written.add(new Sibling(dot, v, stamp));
                assertThat(replicas[i].siblings()).hasSize(1);
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                pairs.add(new int[] {a, b});
            }
        }
        Collections.shuffle(pairs, random);
        for (int round = 0; round < 2; round++) {
            for (int[] p : pairs) {
                replicas[p[0]] = replicas[p[0]].merge(replicas[p[1]]);
            }
        }
        if (written.isEmpty()) {
            return;
        }
        Sibling expected = Collections.min(written, SiblingSet.LATEST_FIRST);
        for (SiblingSet r : replicas) {
            assertThat(r).isEqualTo(replicas[0]);
            assertThat(r.siblings()).containsExactly(expected);
        }
    }
}
