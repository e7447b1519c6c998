package io.dynamo.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.node.ReadResult;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A replica store buries what expired when it reads or writes a key, and a read leaves it out. */
class ExpiredVersionsTest {
    private static final Key KEY = Key.of("k");
    private final InMemoryStorageEngine storage = new InMemoryStorageEngine("a-i");
    private final ReplicaStore store = at(10_000);

    /** The replica's store as it runs when its wall clock reads {@code millis}. */
    private ReplicaStore at(long millis) {
        return new ReplicaStore(storage, new DotSource("a", storage), Clock.fixed(Instant.ofEpochMilli(millis),
                ZoneOffset.UTC), 10, SiblingLimits.none("a"));
    }

    @Test
    void aReadBuriesAnExpiredVersionInTheStoreAndLeavesTheRestAlone() {
        store.coordinate(KEY, Context.EMPTY, value("short").expiringAt(11_000));
        store.coordinate(KEY, Context.EMPTY, value("kept"));
        assertThat(store.read(KEY).liveValues()).hasSize(2);

        SiblingSet read = at(11_000).read(KEY);
        assertThat(read.liveValues()).containsExactly(value("kept"));
        assertThat(storage.read(KEY).liveValues()).containsExactly(value("kept"));
        assertThat(storage.read(KEY).siblings()).hasSize(2);
        assertThat(ReadResult.of(read, 11_000).values()).containsExactly(value("kept"));
    }

    @Test
    void aMergeBuriesTooAndAReadLeavesOutWhatExpiredEvenUnburied() {
        SiblingSet incoming = SiblingSet.EMPTY.put(Context.EMPTY, new io.dynamo.core.version.Dot("b", 1),
                value("short").expiringAt(10_500), 10_000, 10);
        assertThat(ReadResult.of(incoming, 10_499).found()).isTrue();
        assertThat(ReadResult.of(incoming, 10_500).found()).isFalse();
        assertThat(ReadResult.of(incoming, 10_500).context()).isEqualTo(incoming.context());

        assertThat(at(10_500).merge(KEY, incoming).isDeleted()).isTrue();
        assertThat(storage.read(KEY).isDeleted()).isTrue();
    }

    private static Value value(String s) {
        return Value.of(s.getBytes(), "text/plain");
    }
}
