package io.dynamo.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.HybridTime;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The hybrid time a replica store stamps a coordinated write with, on nodes whose wall clocks disagree. */
class WriteTimeTest {
    private static final Key KEY = Key.of("k");

    private static ReplicaStore node(String id, long wallMillis) {
        InMemoryStorageEngine storage = new InMemoryStorageEngine(id + "-i");
        return new ReplicaStore(storage, new DotSource(id, storage), Clock.fixed(Instant.ofEpochMilli(wallMillis),
                ZoneOffset.UTC), 10, SiblingLimits.none(id));
    }

    private static Value value(String s) {
        return Value.of(s.getBytes(), "text/plain");
    }

    @Test
    void aWriteStampsTheWallClockAndACounterWithinItsMillisecond() {
        ReplicaStore a = node("a", 5_000);
        assertThat(a.coordinate(KEY, Context.EMPTY, value("1")).siblings().get(0).time())
                .isEqualTo(new HybridTime(5_000, 0));
        assertThat(a.coordinate(Key.of("other"), Context.EMPTY, value("2")).siblings().get(0).time())
                .isEqualTo(new HybridTime(5_000, 1));
    }

    @Test
    void anOverwriteOnANodeWhoseClockIsBehindIsStampedAfterWhatItOverwrites() {
        ReplicaStore ahead = node("a", 5_000);
        ReplicaStore behind = node("b", 1_000);
        SiblingSet first = ahead.coordinate(KEY, Context.EMPTY, value("first"));

        // b holds the first version (it replicated it), so its stamp follows that version's.
        behind.merge(KEY, first);
        SiblingSet second = behind.coordinate(KEY, first.context(), value("second"));
        assertThat(second.siblings().get(0).time()).isGreaterThan(first.siblings().get(0).time());
    }

    @Test
    void anOverwriteWhoseVersionHasNotArrivedYetFollowsTheContextsTime() {
        ReplicaStore ahead = node("a", 5_000);
        ReplicaStore behind = node("c", 1_000);
        SiblingSet first = ahead.coordinate(KEY, Context.EMPTY, value("first"));

        // c never saw the version; the client's context says when its writer wrote it.
        SiblingSet second = behind.coordinate(KEY, first.context(), value("second"));
        assertThat(second.siblings().get(0).time()).isEqualTo(new HybridTime(5_000, 1))
                .isGreaterThan(first.siblings().get(0).time());
    }

    @Test
    void aTimeReceivedInAMergeMovesTheClockForEveryLaterWrite() {
        ReplicaStore ahead = node("a", 5_000);
        ReplicaStore behind = node("b", 1_000);
        behind.merge(KEY, ahead.coordinate(KEY, Context.EMPTY, value("from a")));
        // A blind write of another key: nothing of a's is in its context or its key, only in b's clock.
        assertThat(behind.coordinate(Key.of("other"), Context.EMPTY, value("from b")).siblings().get(0).time())
                .isEqualTo(new HybridTime(5_000, 1));
    }
}
