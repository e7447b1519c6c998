package io.dynamo.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.Key;
import io.dynamo.core.coordination.RemoteFailures;
import io.dynamo.core.transport.Failure;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.MalformedContextException;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class SiblingLimitsTest {
    private static final Key KEY = Key.of("hot");

    private final InMemoryStorageEngine storage = new InMemoryStorageEngine();
    private final ReplicaStore store = new ReplicaStore(storage, new DotSource("n1", storage), Clock.systemUTC(), 10,
            new SiblingLimits("n1", 2, 3));

    private SiblingSet blindWrite(String value) {
        return store.coordinate(KEY, Context.EMPTY, Value.of(value.getBytes(StandardCharsets.UTF_8), "text/plain"));
    }

    @Test
    void blindWritesPastTheMaximumAreRefusedAndStoreNothing() {
        blindWrite("a");
        blindWrite("b");
        assertThat(store.limits().warned()).isZero();
        blindWrite("c");
        assertThat(store.limits().warned()).as("3 siblings is past the warning threshold of 2").isEqualTo(1);

        assertThatThrownBy(() -> blindWrite("d")).isInstanceOf(TooManySiblingsException.class)
                .hasMessageContaining("node n1 refused the write: key 'hot' would have 4 siblings, more than the limit"
                        + " of 3 (setting dynamo.siblings.max)")
                .hasMessageContaining("merge its siblings and write the merged value back with the context");
        assertThat(store.read(KEY).siblings()).hasSize(3);
        assertThat(store.limits().refused()).isEqualTo(1);
    }

    @Test
    void aWriteWithTheContextOfTheSiblingsAlwaysGoesThrough() {
        blindWrite("a");
        blindWrite("b");
        blindWrite("c");
        Context all = store.read(KEY).context();
        SiblingSet merged = store.coordinate(KEY, all, Value.of("abc".getBytes(StandardCharsets.UTF_8), "text/plain"));
        assertThat(merged.siblings()).hasSize(1);
    }

    @Test
    void versionsFromOtherReplicasAreNeverRefused() {
        InMemoryStorageEngine other = new InMemoryStorageEngine();
        ReplicaStore peer = new ReplicaStore(other, new DotSource("n2", other), Clock.systemUTC(), 10,
                SiblingLimits.none("n2"));
        for (String v : new String[] {"w", "x", "y", "z"}) {
            peer.coordinate(KEY, Context.EMPTY, Value.of(v.getBytes(StandardCharsets.UTF_8), "text/plain"));
        }
        blindWrite("a");
        assertThat(store.merge(KEY, peer.read(KEY)).siblings()).hasSize(5);
    }

    @Test
    void aRefusalCrossesTheWireAsItself() {
        Failure reply = RemoteFailures.toReply(new TooManySiblingsException("too many"));
        assertThat(reply.kind()).isEqualTo(Failure.Kind.TOO_MANY_SIBLINGS);
        assertThat(RemoteFailures.fromReply(reply, "put", KEY, "n2")).isInstanceOf(TooManySiblingsException.class)
                .hasMessage("too many");
    }

    @Test
    void aForgedContextRefusedByTheCoordinatorCrossesTheWireAsItself() {
        Failure reply = RemoteFailures.toReply(new MalformedContextException("never issued"));
        assertThat(reply.kind()).isEqualTo(Failure.Kind.MALFORMED_CONTEXT);
        assertThat(RemoteFailures.fromReply(reply, "put", KEY, "n2")).isInstanceOf(MalformedContextException.class)
                .hasMessage("never issued");
    }

    @Test
    void limitsMustBeOrdered() {
        assertThatThrownBy(() -> new SiblingLimits("n1", 4, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SiblingLimits("n1", 0, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
