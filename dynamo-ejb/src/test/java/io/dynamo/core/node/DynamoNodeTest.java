package io.dynamo.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.InvalidConfigException;
import io.dynamo.core.base.InvalidKeyException;
import io.dynamo.core.base.InvalidQuorumException;
import io.dynamo.core.base.Key;
import io.dynamo.core.base.ValueTooLargeException;
import io.dynamo.core.coordination.InsufficientReplicasException;
import io.dynamo.core.handoff.InMemoryHintStore;
import io.dynamo.core.membership.InMemoryMembershipStore;
import io.dynamo.core.store.InMemoryStorageEngine;
import io.dynamo.core.time.ExecutorScheduler;
import io.dynamo.core.transport.NoPeersTransport;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DynamoNodeTest {
    private static final OptionalInt DEFAULT = OptionalInt.empty();
    private final InMemoryStorageEngine storage = new InMemoryStorageEngine();
    private final DynamoNode node = solo(NodeConfig.defaults("n1", Path.of("unused")).withQuorum(1, 1, 1), storage);

    /** A node alone in its ring, on a real scheduler, as a single Payara node runs. */
    private static DynamoNode solo(NodeConfig config, InMemoryStorageEngine storage) {
        NodeServices services = new NodeServices(config, NodeTiming.DEFAULTS, ClusterSettings.standalone(""),
                storage, new InMemoryHintStore(), new InMemoryMembershipStore(), new NoPeersTransport(config.nodeId()),
                new ExecutorScheduler(Executors.newSingleThreadScheduledExecutor()));
        return new DynamoNode(services).start();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private static Value text(String s) {
        return Value.of(s.getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    @Test
    void putThenGetReturnsTheValueAndAContextThatSupersedesIt() {
        Context c1 = node.put(Key.of("k"), Context.EMPTY, text("v1"), DEFAULT);
        ReadResult read = node.get(Key.of("k"), DEFAULT);
        assertThat(read.values()).containsExactly(text("v1"));
        assertThat(read.context()).isEqualTo(c1);
        node.put(Key.of("k"), read.context(), text("v2"), DEFAULT);
        assertThat(node.get(Key.of("k"), DEFAULT).values()).containsExactly(text("v2"));
    }

    @Test
    void blindWritesBecomeSiblingsAndTheMergedContextResolvesThem() {
        node.put(Key.of("k"), Context.EMPTY, text("a"), DEFAULT);
        node.put(Key.of("k"), Context.EMPTY, text("b"), DEFAULT);
        ReadResult read = node.get(Key.of("k"), DEFAULT);
        assertThat(read.hasSiblings()).isTrue();
        assertThat(read.values()).containsExactlyInAnyOrder(text("a"), text("b"));
        node.put(Key.of("k"), read.context(), text("ab"), DEFAULT);
        assertThat(node.get(Key.of("k"), DEFAULT).values()).containsExactly(text("ab"));
    }

    @Test
    void eachReadAnsweredCountsItsLiveSiblingsAndEachWriteAcceptedItsValueSize() {
        node.put(Key.of("k"), Context.EMPTY, text("a"), DEFAULT);
        node.put(Key.of("k"), Context.EMPTY, Value.of(new byte[2000], null), DEFAULT);
        node.get(Key.of("k"), DEFAULT);
        node.get(Key.of("absent"), DEFAULT);

        var requests = node.view().requests();
        assertThat(requests.siblingsPerRead().counts()).as("buckets 0, 1, 2, ...")
                .startsWith(1, 0, 1, 0);
        assertThat(requests.siblingsPerRead().count()).isEqualTo(2);
        assertThat(requests.valueBytes().counts()).as("up to 128 bytes, up to 1 KiB, up to 4 KiB")
                .startsWith(1, 0, 1);
        assertThat(requests.valueBytes().sum()).isEqualTo(2001);
        assertThat(requests.timeouts()).containsEntry("get", 0L).containsEntry("put", 0L);
    }

    @Test
    void deleteHidesTheKeyAndALaterPutRevivesIt() {
        Context c = node.put(Key.of("k"), Context.EMPTY, text("v"), DEFAULT);
        node.delete(Key.of("k"), c, DEFAULT);
        ReadResult gone = node.get(Key.of("k"), DEFAULT);
        assertThat(gone.found()).isFalse();
        node.put(Key.of("k"), gone.context(), text("back"), DEFAULT);
        assertThat(node.get(Key.of("k"), DEFAULT).values()).containsExactly(text("back"));
        assertThat(storage.read(Key.of("k")).siblings()).hasSize(1);
    }

    @Test
    void aForgedContextCannotMakeANewWriteLookAlreadySeen() {
        node.put(Key.of("k"), Context.EMPTY, text("v1"), DEFAULT);
        Context seen = node.get(Key.of("k"), DEFAULT).context();
        String actor = seen.clock().entries().get(0).actor();
        Context forged = new Context(seen.clock().with(new io.dynamo.core.version.Dot(actor, 1_000_000), 1));
        node.put(Key.of("k"), forged, text("v2"), DEFAULT);
        node.put(Key.of("k"), Context.EMPTY, text("v3"), DEFAULT);
        assertThat(node.get(Key.of("k"), DEFAULT).values()).containsExactlyInAnyOrder(text("v2"), text("v3"));
    }

    @Test
    void limitsAndQuorumsAreChecked() {
        assertThatThrownBy(() -> node.put(Key.of("x".repeat(1025)), Context.EMPTY, text("v"), DEFAULT))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("dynamo.max.key.bytes");
        assertThatThrownBy(() -> node.put(Key.of("k"), Context.EMPTY, Value.of(new byte[1024 * 1024 + 1], null),
                DEFAULT)).isInstanceOf(ValueTooLargeException.class).hasMessageContaining("1048576");
        assertThatThrownBy(() -> node.get(Key.of("k"), OptionalInt.of(0)))
                .isInstanceOf(InvalidQuorumException.class).hasMessageContaining("r=0");
        assertThatThrownBy(() -> node.put(Key.of("k"), Context.EMPTY, text("v"), OptionalInt.of(2)))
                .isInstanceOf(InvalidQuorumException.class).hasMessageContaining("w=2");
        for (int dw : new int[] {0, 2}) {
            assertThatThrownBy(() -> node.putAsync(Key.of("k"), Context.EMPTY, text("v"), DEFAULT, OptionalInt.of(dw)))
                    .isInstanceOf(InvalidQuorumException.class)
                    .hasMessage("dw=" + dw + " is out of range: it must be between 1 and W=1");
        }
        assertThatThrownBy(() -> node.deleteAsync(Key.of("k"), Context.EMPTY, DEFAULT, OptionalInt.of(2)))
                .isInstanceOf(InvalidQuorumException.class).hasMessageContaining("dw=2");
        assertThat(node.putAsync(Key.of("k"), Context.EMPTY, text("v"), DEFAULT, OptionalInt.of(1)).join()).isNotNull();
        assertThatThrownBy(() -> Key.of(new byte[0])).isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void aQuorumLargerThanTheReachableReplicasFailsWithoutWriting() {
        DynamoNode wide = solo(NodeConfig.defaults("n2", Path.of("unused")), new InMemoryStorageEngine());
        assertThatThrownBy(() -> wide.put(Key.of("k"), Context.EMPTY, text("v"), DEFAULT))
                .isInstanceOf(InsufficientReplicasException.class)
                .hasMessageContaining("needed 2 replicas but 1 answered").hasMessageContaining("n2");
        assertThat(wide.get(Key.of("k"), OptionalInt.of(1)).found()).isFalse();
        wide.close();
    }

    @Test
    void aReadQuorumLargerThanTheReachableReplicasFailsAsAWriteDoes() {
        DynamoNode wide = solo(NodeConfig.defaults("n2", Path.of("unused")).withQuorum(3, 1, 1),
                new InMemoryStorageEngine());
        wide.put(Key.of("k"), Context.EMPTY, text("v"), DEFAULT);
        assertThat(wide.get(Key.of("k"), OptionalInt.of(1)).values()).containsExactly(text("v"));
        assertThatThrownBy(() -> wide.get(Key.of("k"), OptionalInt.of(2)))
                .isInstanceOf(InsufficientReplicasException.class)
                .hasMessageContaining("get of key 'k'").hasMessageContaining("needed 2 replicas but 1 answered");
        wide.close();
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> NodeConfig.defaults("n1", Path.of("d")).withQuorum(3, 4, 2))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("dynamo.r");
        assertThatThrownBy(() -> new NodeConfig("n1", Path.of("d"), 3, 2, 2, 100, 10, 10, 10, 8, 64))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("dynamo.q");
        assertThatThrownBy(() -> NodeConfig.defaults("bad id!", Path.of("d")))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("dynamo.node.id");
    }
}
