package io.dynamo.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContextTagTest {
    private static Context of(VectorClock.Entry... entries) {
        return new Context(VectorClock.of(List.of(entries)));
    }

    @Test
    void theTagNamesTheCountersSeenNotTheirTimesAndFitsAnEntityTag() {
        Context a = of(new VectorClock.Entry("n1.x", 3, 1000), new VectorClock.Entry("n2.y", 7, 2000));
        Context sameCounters = of(new VectorClock.Entry("n2.y", 7, 5), new VectorClock.Entry("n1.x", 3, 9));
        assertThat(a.tag()).isEqualTo(sameCounters.tag()).hasValueSatisfying(t -> assertThat(t).matches(
                "[A-Za-z0-9_-]{22}"));
        assertThat(Context.decode(a.encode()).tag()).isEqualTo(a.tag());
        assertThat(of(new VectorClock.Entry("n1.x", 4, 1000), new VectorClock.Entry("n2.y", 7, 2000)).tag())
                .isNotEqualTo(a.tag());
        assertThat(of(new VectorClock.Entry("n1.x", 3, 1000)).tag()).isNotEqualTo(a.tag());
        // Length-prefixed actors: "n1" + "1.x" must not read as "n11" + ".x".
        assertThat(of(new VectorClock.Entry("ab", 1, 0), new VectorClock.Entry("c", 1, 0)).tag())
                .isNotEqualTo(of(new VectorClock.Entry("a", 1, 0), new VectorClock.Entry("bc", 1, 0)).tag());
        assertThat(Context.EMPTY.tag()).isEmpty();
    }

    @Test
    void theNewestTimeIsTheLatestEntrysTime() {
        assertThat(of(new VectorClock.Entry("a", 3, 1000), new VectorClock.Entry("b", 1, 2500)).newestTime())
                .hasValue(2500);
        assertThat(Context.EMPTY.newestTime()).isEmpty();
    }
}
