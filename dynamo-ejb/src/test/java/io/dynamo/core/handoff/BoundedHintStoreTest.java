package io.dynamo.core.handoff;

import static io.dynamo.core.handoff.HintStoreContract.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.SiblingSetCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedHintStoreTest {
    private static final long WINDOW = Duration.ofHours(3).toMillis();
    private static final SiblingSet V = write(SiblingSet.EMPTY, "n1", 1, "v");
    private static final long SIZE = SiblingSetCodec.encode(V).length;

    private final InMemoryHintStore inner = new InMemoryHintStore();
    private final Map<String, Long> downSince = new HashMap<>();
    private long now = 1_000_000;
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private BoundedHintStore store(long perTarget, long total) {
        Logger.getLogger(BoundedHintStore.class.getName()).addHandler(capture);
        return new BoundedHintStore(inner, new HintSettings(Duration.ofMillis(WINDOW), perTarget, total,
                Duration.ofHours(3)), t -> downSince.getOrDefault(t, 0L), () -> now);
    }

    @AfterEach
    void detach() {
        Logger.getLogger(BoundedHintStore.class.getName()).removeHandler(capture);
    }

    @Test
    void aTargetDownLongerThanTheWindowGetsNoNewHints() {
        BoundedHintStore hints = store(1 << 20, 1 << 20);
        downSince.put("n3", now);
        now += WINDOW;
        hints.add("n3", Key.of("a"), V, now, false);
        now += 1;
        assertThatThrownBy(() -> hints.add("n3", Key.of("b"), V, now, false))
                .isInstanceOf(HintRefusedException.class).hasMessageContaining("hint window");
        assertThat(hints.refusedOutsideWindow()).isEqualTo(1);
        assertThat(inner.batch("n3", 10)).hasSize(1);
        hints.add("n4", Key.of("b"), V, now, false);
    }

    @Test
    void withoutTheDetectorsWordTheOldestWaitingHintShowsHowLongATargetIsAway() {
        BoundedHintStore hints = store(1 << 20, 1 << 20);
        hints.add("n3", Key.of("a"), V, now, false);
        now += WINDOW + 1;
        assertThatThrownBy(() -> hints.add("n3", Key.of("b"), V, now, false))
                .isInstanceOf(HintRefusedException.class);
        assertThat(hints.refusedOutsideWindow()).isEqualTo(1);
    }

    @Test
    void atTheCapsNewHintsAreRefusedCountedAndLoggedOnceAMinute() {
        BoundedHintStore hints = store(2 * SIZE, 3 * SIZE);
        hints.add("n3", Key.of("a"), V, now, false);
        hints.add("n3", Key.of("b"), V, now, false);
        assertThatThrownBy(() -> hints.add("n3", Key.of("c"), V, now, false))
                .isInstanceOf(HintRefusedException.class).hasMessageContaining("cap");
        hints.add("n4", Key.of("c"), V, now, false);
        assertThatThrownBy(() -> hints.add("n4", Key.of("d"), V, now, false)).as("the total cap")
                .isInstanceOf(HintRefusedException.class);
        assertThat(hints.refusedOverCap()).isEqualTo(2);
        assertThat(logged).as("one report a minute").hasSize(1);
        now += 60_000;
        assertThatThrownBy(() -> hints.add("n4", Key.of("d"), V, now, false))
                .isInstanceOf(HintRefusedException.class);
        assertThat(logged).hasSize(2);
        assertThat(logged.get(1).getMessage()).startsWith("2 hint(s) refused since the last report");
        assertThat(inner.queues()).extracting(HintQueue::count).containsExactly(2L, 1L);
    }

    @Test
    void hintsOlderThanTheMaximumAgeExpire() {
        BoundedHintStore hints = store(1 << 20, 1 << 20);
        hints.add("n3", Key.of("old"), V, now, false);
        now += Duration.ofHours(1).toMillis();
        hints.add("n3", Key.of("new"), V, now, false);
        now += Duration.ofHours(2).toMillis() + 1;
        assertThat(hints.expireOld()).isEqualTo(1);
        assertThat(hints.expiredCount()).isEqualTo(1);
        assertThat(inner.batch("n3", 10)).extracting(Hint::key).containsExactly(Key.of("new"));
    }
}
