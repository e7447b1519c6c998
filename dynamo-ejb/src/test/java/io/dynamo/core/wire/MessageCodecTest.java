package io.dynamo.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.antientropy.KeyHash;
import io.dynamo.core.antientropy.MerkleHashes;
import io.dynamo.core.antientropy.MerkleQuery;
import io.dynamo.core.antientropy.RemoveTombstone;
import io.dynamo.core.antientropy.SegmentDiff;
import io.dynamo.core.antientropy.SegmentQuery;
import io.dynamo.core.base.Key;
import io.dynamo.core.coordination.CoordinateGet;
import io.dynamo.core.coordination.CoordinatePut;
import io.dynamo.core.peer.Ping;
import io.dynamo.core.replica.ReadReplica;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.transfer.TransferBatch;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.Failure;
import io.dynamo.core.transport.Message;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    private static final Key KEY = Key.of(new byte[] {0, 'k', (byte) 0xff});

    private static SiblingSet versions() {
        SiblingSet s = SiblingSet.EMPTY.put(Context.EMPTY, new Dot("n1.abc", 7),
                Value.of("one".getBytes(StandardCharsets.UTF_8), "text/plain"), 1000, 10);
        s = s.put(Context.EMPTY, new Dot("n2.def", 3), Value.of(new byte[300], null), 2000, 10);
        return s.put(Context.EMPTY, new Dot("n3.xyz", 1), Value.tombstone(), 3000, 10);
    }

    private static Message roundTrip(Message m) {
        return MessageCodec.decode(MessageCodec.encode(m));
    }

    @Test
    void recordMessagesRoundTripToEqualRecords() {
        SiblingSet v = versions();
        List<Message> messages = List.of(new ReadReplica(KEY), new ReplicaState(KEY, v),
                new WriteReplica(KEY, v, ""), new WriteReplica(KEY, v, "n4"), new Ack(), new Ping(),
                new CoordinateGet(KEY, 2), new CoordinatePut(KEY, v.context(), Value.of(new byte[] {1, 2}, "a/b"), 3),
                new CoordinatePut(KEY, Context.EMPTY, Value.tombstone(), 0),
                new Failure(Failure.Kind.INSUFFICIENT_REPLICAS, "needed 2 replicas but 1 answered", 2, 1),
                new SegmentDiff(List.of(new ReplicaState(KEY, v)), List.of(KEY, Key.of("other"))),
                new TransferBatch(12, List.of(new ReplicaState(KEY, v), new ReplicaState(Key.of("x"), v))),
                new RemoveTombstone(KEY, v));
        for (Message m : messages) {
            Message back = roundTrip(m);
            assertThat(back).as(m.getClass().getSimpleName()).isEqualTo(m);
        }
        ReplicaState state = (ReplicaState) roundTrip(new ReplicaState(KEY, v));
        assertThat(state.versions().siblings()).isEqualTo(v.siblings());
        assertThat(state.versions().clock().entries()).isEqualTo(v.clock().entries());
    }

    @Test
    void arrayMessagesRoundTripByContent() {
        MerkleQuery q = (MerkleQuery) roundTrip(new MerkleQuery(5, 3, new int[] {0, 7, 1023}));
        assertThat(q.partition()).isEqualTo(5);
        assertThat(q.level()).isEqualTo(3);
        assertThat(q.nodes()).containsExactly(0, 7, 1023);
        MerkleHashes h = (MerkleHashes) roundTrip(new MerkleHashes(5, 3, new long[] {0, -1, Long.MIN_VALUE, 42}));
        assertThat(h.hashes()).containsExactly(0, -1, Long.MIN_VALUE, 42);
        SegmentQuery s = (SegmentQuery) roundTrip(new SegmentQuery(9, new int[] {4},
                List.of(new KeyHash(KEY, -7), new KeyHash(Key.of("b"), 8))));
        assertThat(s.segments()).containsExactly(4);
        assertThat(s.entries()).containsExactly(new KeyHash(KEY, -7), new KeyHash(Key.of("b"), 8));
    }

    @Test
    void truncatedOrPaddedMessagesAreRejected() {
        byte[] good = MessageCodec.encode(new WriteReplica(KEY, versions(), "n4"));
        for (int cut = 0; cut < good.length; cut++) {
            byte[] truncated = java.util.Arrays.copyOf(good, cut);
            assertThatThrownBy(() -> MessageCodec.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
        }
        byte[] padded = java.util.Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> MessageCodec.decode(padded)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {(byte) 200}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tag");
    }

    @Property(tries = 3000)
    void randomBytesFailOnlyAsIllegalArgument(@ForAll byte[] bytes) {
        try {
            MessageCodec.decode(bytes);
        } catch (IllegalArgumentException expected) {
            // the only acceptable failure: a receiver drops the message and the sender times out
        }
    }
}
