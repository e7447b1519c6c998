package io.dynamo.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a node's store does for namespaces: it discards keys of dropped ones and applies their sibling limits. */
class NamespaceStoreRulesTest {
    private final InMemoryStorageEngine storage = new InMemoryStorageEngine();
    private final ReplicaStore store = new ReplicaStore(storage, new DotSource("n1", storage), Clock.systemUTC(), 10,
            new SiblingLimits("n1", 8, 64));

    private SiblingSet blindWrite(Key key, String value) {
        return store.coordinate(key, Context.EMPTY, Value.of(value.getBytes(StandardCharsets.UTF_8), "text/plain"));
    }

    /** A late replica, hint, transfer or repair of a dropped namespace's key is acknowledged and never stored. */
    @Test
    void writesOfADiscardedNamespaceAreNotStoredAndOthersAre() {
        Key gone = Key.in("gone", new byte[] {'k'});
        Key kept = Key.in("kept", new byte[] {'k'});
        SiblingSet versions = new ReplicaStore(new InMemoryStorageEngine(), new DotSource("n2",
                new InMemoryStorageEngine()), Clock.systemUTC(), 10, SiblingLimits.none("n2"))
                .coordinate(gone, Context.EMPTY, Value.of(new byte[] {1}, "text/plain"));
        store.discard(key -> key.namespace().equals("gone"));
        assertThat(store.merge(gone, versions)).isEqualTo(SiblingSet.EMPTY);
        assertThat(storage.read(gone)).isEqualTo(SiblingSet.EMPTY);
        assertThat(store.merge(kept, versions).isEmpty()).isFalse();
        assertThat(store.merge(Key.of("k"), versions).isEmpty()).as("default keys are never discarded").isFalse();
        assertThat(storage.keyCount()).isEqualTo(2);
    }

    @Test
    void aNamespaceWithALowerSiblingMaximumRefusesPastItWhileDefaultKeysGoOn() {
        store.limits().forNamespaces(Map.of("tight", new int[] {1, 2}));
        Key tight = Key.in("tight", new byte[] {'k'});
        blindWrite(tight, "a");
        blindWrite(tight, "b");
        assertThatThrownBy(() -> blindWrite(tight, "c")).isInstanceOf(TooManySiblingsException.class)
                .hasMessageContaining("limit of 2 of namespace tight");
        for (String v : new String[] {"a", "b", "c"}) {
            blindWrite(Key.of("k"), v);
        }
        assertThat(storage.read(Key.of("k")).siblings()).hasSize(3);
    }
}
