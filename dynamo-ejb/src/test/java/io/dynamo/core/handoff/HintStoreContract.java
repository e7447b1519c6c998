package io.dynamo.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every hint store does; the in-memory and the Xodus store each run it. */
public abstract class HintStoreContract {
    protected HintStore hints;

    protected abstract HintStore create() throws Exception;

    /** Closes the store and opens the same data again (in memory: the same instance). */
    protected abstract HintStore reopen(HintStore closed) throws Exception;

    @BeforeEach
    void open() throws Exception {
        hints = create();
    }

    @AfterEach
    void close() {
        hints.close();
    }

    static SiblingSet write(SiblingSet base, String actor, long counter, String value) {
        return base.put(Context.EMPTY, new Dot(actor, counter),
                Value.of(value.getBytes(StandardCharsets.UTF_8), "text/plain"), counter, 10);
    }

    @Test
    void hintsAreKeptPerTargetAndMergedPerKey() {
        SiblingSet a = write(SiblingSet.EMPTY, "n1", 1, "a");
        SiblingSet b = write(SiblingSet.EMPTY, "n2", 1, "b");
        hints.add("n3", Key.of("k"), a, 100);
        hints.add("n3", Key.of("k"), b, 200);
        hints.add("n4", Key.of("j"), b, 300);
        assertThat(hints.targets()).containsExactly("n3", "n4");
        assertThat(hints.batch("n3", 10)).singleElement().satisfies(h -> {
            assertThat(h.versions()).isEqualTo(a.merge(b));
            assertThat(h.storedAtMillis()).as("the first hint's time: the age of the oldest").isEqualTo(100);
        });
        assertThat(hints.read(Key.of("k"))).isEqualTo(a.merge(b));
        assertThat(hints.read(Key.of("none")).isEmpty()).isTrue();
        assertThat(hints.queues()).extracting(HintQueue::target, HintQueue::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("n3", 1L), org.assertj.core.groups.Tuple.tuple("n4", 1L));
    }

    @Test
    void removeOnlyWhatWasDelivered() {
        SiblingSet a = write(SiblingSet.EMPTY, "n1", 1, "a");
        hints.add("n3", Key.of("k"), a, 100);
        SiblingSet later = write(SiblingSet.EMPTY, "n1", 2, "later");
        hints.add("n3", Key.of("k"), later, 150);
        assertThat(hints.remove("n3", Key.of("k"), a)).as("a newer version arrived meanwhile").isFalse();
        assertThat(hints.remove("n3", Key.of("k"), a.merge(later))).isTrue();
        assertThat(hints.targets()).isEmpty();
        assertThat(hints.queues()).isEmpty();
    }

    @Test
    void batchesAreBounded() {
        for (int i = 0; i < 25; i++) {
            hints.add("n3", Key.of("k" + i), write(SiblingSet.EMPTY, "n1", i + 1, "v"), i);
        }
        assertThat(hints.batch("n3", 10)).hasSize(10);
        assertThat(hints.queues()).singleElement().satisfies(q -> {
            assertThat(q.count()).isEqualTo(25);
            assertThat(q.bytes()).isPositive();
            assertThat(q.oldestStoredAtMillis()).isZero();
        });
    }

    @Test
    void hintsSurviveARestart() throws Exception {
        SiblingSet a = write(SiblingSet.EMPTY, "n1", 1, "a");
        hints.add("n3", Key.of("k"), a, 100);
        hints = reopen(hints);
        assertThat(hints.targets()).containsExactly("n3");
        assertThat(hints.read(Key.of("k"))).isEqualTo(a);
    }

    @Test
    void purgeRemovesOneTargetsHintsAndExpiryTheOldOnes() throws Exception {
        for (int i = 0; i < 30; i++) {
            hints.add("n3", Key.of("k" + i), write(SiblingSet.EMPTY, "n1", i + 1, "v"), 1000 + i);
            hints.add("n4", Key.of("k" + i), write(SiblingSet.EMPTY, "n1", i + 1, "v"), 2000 + i);
        }
        assertThat(hints.expire(1010)).as("n3's first ten").isEqualTo(10);
        assertThat(hints.queues()).extracting(HintQueue::target, HintQueue::count, HintQueue::oldestStoredAtMillis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("n3", 20L, 1010L),
                        org.assertj.core.groups.Tuple.tuple("n4", 30L, 2000L));
        assertThat(hints.read(Key.of("k0"))).as("still held for n4").isNotEqualTo(SiblingSet.EMPTY);
        assertThat(hints.purge("n4")).isEqualTo(30);
        assertThat(hints.purge("n4")).isZero();
        assertThat(hints.targets()).containsExactly("n3");
        hints = reopen(hints);
        assertThat(hints.queues()).singleElement().satisfies(q -> {
            assertThat(q.count()).isEqualTo(20);
            assertThat(q.oldestStoredAtMillis()).isEqualTo(1010);
        });
        assertThat(hints.batch("n3", 100)).hasSize(20);
    }

    @Test
    void queueBytesFollowMergesAndRemovals() throws Exception {
        SiblingSet a = write(SiblingSet.EMPTY, "n1", 1, "a");
        hints.add("n3", Key.of("k"), a, 100);
        long one = hints.queues().get(0).bytes();
        SiblingSet later = write(SiblingSet.EMPTY, "n2", 1, "a much longer value than the first");
        hints.add("n3", Key.of("k"), later, 110);
        assertThat(hints.queues()).singleElement().satisfies(q -> {
            assertThat(q.count()).isEqualTo(1);
            assertThat(q.bytes()).isGreaterThan(one);
        });
        hints.add("n3", Key.of("j"), a, 120);
        hints = reopen(hints);
        long two = hints.queues().get(0).bytes();
        assertThat(hints.remove("n3", Key.of("k"), a.merge(later))).isTrue();
        assertThat(hints.queues()).singleElement().satisfies(q -> {
            assertThat(q.count()).isEqualTo(1);
            assertThat(q.bytes()).isEqualTo(one).isLessThan(two);
            assertThat(q.oldestStoredAtMillis()).isEqualTo(120);
        });
    }
}
