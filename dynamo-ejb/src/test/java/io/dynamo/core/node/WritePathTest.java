package io.dynamo.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.coordination.CoordinatePut;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What one write costs between nodes: what is sent, and what comes back. */
class WritePathTest {
    private static final Key KEY = Key.of("k");
    private static final byte[] TEN_KB = new byte[10_240];

    static {
        Arrays.fill(TEN_KB, (byte) 'x');
    }

    private final WireCluster cluster = new WireCluster();

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aForwardedPutIsAnsweredWithTheContextOnlyNotTheValues() {
        Value value = Value.of(TEN_KB, "text/plain");
        Context written = cluster.node("d").put(KEY, Context.EMPTY, value, OptionalInt.empty());

        List<WireCluster.Exchange> forwarded = cluster.exchanges().stream()
                .filter(e -> e.request() instanceof CoordinatePut).toList();
        assertThat(forwarded).hasSize(1);
        byte[] reply = forwarded.get(0).reply();
        assertThat(reply.length).as("bytes of the coordinator's answer").isLessThan(100);
        ReplicaState answer = (ReplicaState) forwarded.get(0).decodedReply();
        assertThat(answer.versions().siblings()).isEmpty();
        String coordinator = forwarded.get(0).to();
        assertThat(written).isEqualTo(cluster.store(coordinator).read(KEY).context());
        assertThat(cluster.node("a").get(KEY, OptionalInt.empty()).values()).containsExactly(value);
    }

    @Test
    void aCoordinatedWriteStoresAndReplicatesOneSiblingSet() {
        String coordinator = "a";
        cluster.node(coordinator).put(KEY, Context.EMPTY, Value.of(TEN_KB, null), OptionalInt.empty());

        SiblingSet stored = cluster.store(coordinator).read(KEY);
        List<SiblingSet> sent = cluster.exchanges().stream().map(WireCluster.Exchange::request)
                .filter(m -> m instanceof WriteReplica).map(m -> ((WriteReplica) m).versions())
                .toList();
        assertThat(sent).hasSize(2);
        // One set, so one binary form: SiblingSetCodec keeps it with the set (SiblingSetEncodingTest).
        assertThat(sent).allSatisfy(versions -> assertThat(versions).isSameAs(stored));
    }

    @Test
    void withDwTheForwardedPutCarriesItReplicasAreAskedToSyncAndTheirAcksSaySo() {
        cluster.node("d").keyValues().put(KEY, Context.EMPTY, Value.of(TEN_KB, null), OptionalInt.empty(),
                OptionalInt.of(2)).toCompletableFuture().join();

        List<WireCluster.Exchange> forwarded = cluster.exchanges().stream()
                .filter(e -> e.request() instanceof CoordinatePut).toList();
        assertThat(forwarded).singleElement()
                .satisfies(e -> assertThat(((CoordinatePut) e.request()).durableWrites()).isEqualTo(2));
        List<WireCluster.Exchange> replicated = cluster.exchanges().stream()
                .filter(e -> e.request() instanceof WriteReplica).toList();
        assertThat(replicated).hasSize(2).allSatisfy(e -> {
            assertThat(((WriteReplica) e.request()).synced()).isTrue();
            assertThat(e.decodedReply()).isEqualTo(new Ack(true));
        });
    }
}
