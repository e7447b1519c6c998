package io.dynamo.core.version;

import static io.dynamo.core.version.Histories.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SiblingSetTest {
    private static final int MAX = 10;

    @Test
    void twoPutsWithTheSameContextThroughOneNodeBothSurvive() {
        Histories h = new Histories(1);
        h.put(0, Context.EMPTY, value("first"), MAX);
        h.put(0, Context.EMPTY, value("second"), MAX);
        assertThat(h.replicas[0].liveValues()).containsExactlyInAnyOrder(value("first"), value("second"));
    }

    @Test
    void aPutWithTheMergedContextCollapsesTheSiblings() {
        Histories h = new Histories(1);
        h.put(0, Context.EMPTY, value("first"), MAX);
        h.put(0, Context.EMPTY, value("second"), MAX);
        h.put(0, h.replicas[0].context(), value("merged"), MAX);
        assertThat(h.replicas[0].liveValues()).containsExactly(value("merged"));
    }

    @Property(tries = 50)
    void concurrentWritersGiveExactlyOneSiblingEach(@ForAll @IntRange(min = 1, max = 12) int writers,
                                                     @ForAll @IntRange(min = 1, max = 3) int coordinators) {
        // Every writer read the same state, then wrote through one of a few coordinators.
        Histories h = new Histories(coordinators);
        h.put(0, Context.EMPTY, value("base"), MAX);
        for (int i = 1; i < coordinators; i++) {
            h.merge(0, i, MAX);
        }
        Context read = h.replicas[0].context();
        for (int w = 0; w < writers; w++) {
            h.put(w % coordinators, read, value("w" + w), MAX);
        }
        for (int i = 0; i < coordinators; i++) {
            for (int j = 0; j < coordinators; j++) {
                h.merge(i, j, MAX);
            }
        }
        SiblingSet all = h.replicas[0];
        for (int i = 1; i < coordinators; i++) {
            all = all.merge(h.replicas[i]);
        }
        assertThat(all.liveValues()).hasSize(writers);
    }

    @Test
    void sevenConcurrentWritersGiveSevenSiblingsNotMore() {
        Histories h = new Histories(3);
        List<Context> reads = new ArrayList<>();
        for (int w = 0; w < 7; w++) {
            reads.add(h.replicas[w % 3].context());
        }
        for (int w = 0; w < 7; w++) {
            h.put(w % 3, reads.get(w), value("w" + w), MAX);
            h.merge(w % 3, (w + 1) % 3, MAX);
        }
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 3; i++) {
                h.merge(i, (i + 1) % 3, MAX);
            }
        }
        assertThat(h.replicas[0].liveValues()).hasSize(7);
        assertThat(h.replicas[1]).isEqualTo(h.replicas[0]);
        h.put(1, h.replicas[1].context(), value("resolved"), MAX);
        h.merge(1, 0, MAX);
        assertThat(h.replicas[0].liveValues()).containsExactly(value("resolved"));
    }

    @Property(tries = 300)
    void mergeIsCommutativeAssociativeAndIdempotent(@ForAll long seed) {
        Histories h = Histories.random(seed, 3, 40, 1000);
        SiblingSet a = h.replicas[0];
        SiblingSet b = h.replicas[1];
        SiblingSet c = h.replicas[2];
        assertThat(a.merge(b)).isEqualTo(b.merge(a));
        assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
        assertThat(a.merge(a)).isEqualTo(a);
        assertThat(a.merge(b).merge(b)).isEqualTo(a.merge(b));
    }

    @Property(tries = 300)
    void siblingsNeverOutnumberTheWritesNoContextCovered(@ForAll long seed) {
        Histories h = Histories.random(seed, 3, 60, MAX);
        for (SiblingSet s : h.observed) {
            Set<Dot> dots = new HashSet<>();
            s.siblings().forEach(sib -> dots.add(sib.dot()));
            assertThat(dots).hasSameSizeAs(s.siblings());
            assertThat(s.siblings()).allSatisfy(sib -> assertThat(s.clock().covers(sib.dot())).isTrue());
        }
    }

    @Property(tries = 200)
    void everyWriteSurvivesUnlessAContextThatSawItReplacedIt(@ForAll long seed) {
        Histories h = Histories.random(seed, 3, 60, 1000);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                h.merge(i, j, 1000);
            }
        }
        SiblingSet converged = h.replicas[0];
        assertThat(h.replicas[1]).isEqualTo(converged);
        assertThat(h.replicas[2]).isEqualTo(converged);
        // The survivors are exactly the writes (deletes included) that no put's context covered.
        Set<Dot> uncovered = new HashSet<>();
        for (Histories.Write w : h.writes) {
            if (h.writes.stream().noneMatch(later -> later.context().clock().covers(w.dot()))) {
                uncovered.add(w.dot());
            }
        }
        assertThat(converged.siblings()).extracting(Sibling::dot).containsExactlyInAnyOrderElementsOf(uncovered);
        for (Sibling s : converged.siblings()) {
            assertThat(converged.clock().covers(s.dot())).isTrue();
        }
    }

    @Test
    void aDeleteIsATombstoneAndAConcurrentWriteSurvivesIt() {
        Histories h = new Histories(2);
        h.put(0, Context.EMPTY, value("v1"), MAX);
        h.merge(0, 1, MAX);
        Context read = h.replicas[0].context();
        h.put(0, read, Value.tombstone(), MAX);
        h.put(1, read, value("concurrent"), MAX);
        h.merge(0, 1, MAX);
        h.merge(1, 0, MAX);
        assertThat(h.replicas[0].liveValues()).containsExactly(value("concurrent"));
        assertThat(h.replicas[0].isDeleted()).isFalse();

        Histories alone = new Histories(1);
        alone.put(0, Context.EMPTY, value("v1"), MAX);
        alone.put(0, alone.replicas[0].context(), Value.tombstone(), MAX);
        assertThat(alone.replicas[0].liveValues()).isEmpty();
        assertThat(alone.replicas[0].isDeleted()).isTrue();
        alone.put(0, alone.replicas[0].context(), value("again"), MAX);
        assertThat(alone.replicas[0].liveValues()).containsExactly(value("again"));
        assertThat(alone.replicas[0].siblings()).hasSize(1);
    }

    @Test
    void aStaleReplicaDoesNotResurrectADeletedValue() {
        Histories h = new Histories(2);
        h.put(0, Context.EMPTY, value("old"), MAX);
        h.merge(0, 1, MAX);
        h.put(0, h.replicas[0].context(), Value.tombstone(), MAX);
        h.merge(1, 0, MAX);
        assertThat(h.replicas[0].liveValues()).isEmpty();
        h.merge(0, 1, MAX);
        assertThat(h.replicas[1].liveValues()).isEmpty();
    }

    @Test
    void moreCoordinatorsThanTheThresholdKeepTheClockBoundedAndLoseNothing() {
        int coordinators = 15;
        Histories h = new Histories(coordinators);
        for (int i = 0; i < coordinators; i++) {
            int from = (i + coordinators - 1) % coordinators;
            h.merge(from, i, MAX);
            h.put(i, h.replicas[i].context(), value("step" + i), MAX);
            assertThat(h.replicas[i].clock().size()).isLessThanOrEqualTo(MAX);
            assertThat(h.replicas[i].liveValues()).containsExactly(value("step" + i));
        }
        // Two concurrent writes after truncation are both kept. Replica 0 is far behind: the truncated clocks
        // no longer say its step0 was overwritten, so step0 may come back as an extra sibling (the paper's
        // accepted cost of truncation), but nothing is lost and one put with the merged context cleans up.
        Context read = h.replicas[14].context();
        h.merge(14, 0, MAX);
        h.put(0, read, value("x"), MAX);
        h.put(14, read, value("y"), MAX);
        h.merge(0, 14, MAX);
        SiblingSet merged = h.replicas[14];
        assertThat(merged.liveValues()).contains(value("x"), value("y"));
        assertThat(merged.liveValues()).allSatisfy(v -> assertThat(new String(v.bytes(), StandardCharsets.UTF_8))
                .matches("x|y|step\\d+"));
        assertThat(merged.clock().size()).isLessThanOrEqualTo(MAX + merged.siblings().size());
        h.put(14, merged.context(), value("resolved"), MAX);
        assertThat(h.replicas[14].liveValues()).containsExactly(value("resolved"));
    }

    @Test
    void aReusedDotIsRefused() {
        Histories h = new Histories(1);
        Dot dot = h.put(0, Context.EMPTY, value("a"), MAX);
        assertThatThrownBy(() -> h.replicas[0].put(Context.EMPTY, dot, value("b"), 1, MAX))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
