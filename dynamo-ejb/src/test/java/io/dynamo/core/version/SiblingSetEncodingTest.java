package io.dynamo.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.codec.BinaryWriter;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SiblingSetEncodingTest {
    private final SiblingSet set = SiblingSet.EMPTY.put(Context.EMPTY, new Dot("n1.a", 1),
            Value.of(new byte[] {1, 2, 3}, "a/b"), 1000, 10);

    @Test
    void aSetIsSerialisedOnceAndKeepsItsBinaryForm() {
        byte[] first = SiblingSetCodec.encode(set);
        byte[] kept = set.encoded(again -> {
            throw new AssertionError("serialised a second time");
        });
        assertThat(kept).isEqualTo(first);
    }

    @Test
    void encodeHandsOutACopyThatMayBeChanged() {
        byte[] first = SiblingSetCodec.encode(set);
        first[first.length - 1] ^= 1;
        assertThat(SiblingSetCodec.decode(SiblingSetCodec.encode(set))).isEqualTo(set);
    }

    @Test
    void writeAppendsWhatWriteBytesOfEncodeWould() {
        byte[] viaWrite = SiblingSetCodec.write(new BinaryWriter(8).writeByte(7), set).toByteArray();
        byte[] viaEncode = new BinaryWriter(8).writeByte(7).writeBytes(SiblingSetCodec.encode(set)).toByteArray();
        assertThat(viaWrite).isEqualTo(viaEncode);
    }

    @Test
    void aSetStoredBeforeVersionsHadTimesReadsUnchanged() {
        SiblingSet old = SiblingSetCodec.decode(StoredBeforeTimes.bytes());
        assertThat(old.clock().entries()).isEqualTo(StoredBeforeTimes.clock());
        assertThat(old.siblings()).isEqualTo(StoredBeforeTimes.siblings());
        assertThat(old.isLatestWins()).isFalse();
        // Rewritten it takes the timed form, and still reads as the same versions.
        SiblingSet again = SiblingSetCodec.decode(SiblingSetCodec.encode(old));
        assertThat(again.siblings()).isEqualTo(old.siblings());
        assertThat(again.clock().entries()).isEqualTo(old.clock().entries());
        // The untimed form of a set without times is byte for byte what the earlier release wrote.
        byte[] untimed = new io.dynamo.core.codec.BinaryReader(SiblingSetCodec.writeUntimed(new BinaryWriter(8), old)
                .toByteArray()).readBytes();
        assertThat(HexFormat.of().formatHex(untimed)).isEqualTo(StoredBeforeTimes.HEX);
    }

    @Test
    void timesAndTheLatestWinsMarkRoundTrip() {
        SiblingSet timed = SiblingSet.EMPTY.put(Context.EMPTY, new Dot("n1.a", 1), Value.of(new byte[] {9}, null), 5,
                new HybridTime(1_700_000_000_123L, 7), 10);
        SiblingSet decoded = SiblingSetCodec.decode(SiblingSetCodec.encode(timed));
        assertThat(decoded.siblings()).isEqualTo(timed.siblings());
        assertThat(decoded.siblings().get(0).time()).isEqualTo(new HybridTime(1_700_000_000_123L, 7));
        assertThat(decoded.isLatestWins()).isFalse();
        assertThat(SiblingSetCodec.decode(SiblingSetCodec.encode(timed.latestWins())).isLatestWins()).isTrue();
    }

    @Test
    void malformedTimedSetsAreRefused() {
        byte[] ok = SiblingSetCodec.encode(set);
        byte[] unknownFlag = ok.clone();
        unknownFlag[1] = 2;
        assertThatThrownBy(() -> SiblingSetCodec.decode(unknownFlag)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flags 2");
        byte[] format3 = ok.clone();
        format3[0] = 3;
        assertThatThrownBy(() -> SiblingSetCodec.decode(format3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 3");
        SiblingSet two = set.put(Context.EMPTY, new Dot("n2.b", 1), Value.tombstone(), 2000, 10);
        byte[] marked = SiblingSetCodec.encode(two);
        marked[1] = 1;
        assertThatThrownBy(() -> SiblingSetCodec.decode(marked)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds one sibling, not 2");
    }
}
