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

    /**
     * Format 1, as the release before versions had times wrote it to disk (and as peers of wire format 4 and older
     * send it): clock {n1.a:3 at 1000, n2.b:1 at 2000}, a value of n1.a:3 ("a/b", bytes 1 2 3), a tombstone of n2.b:1.
     */
    private static final String STORED_BEFORE_TIMES = "0102046e312e6103e807046e322e6201d00f0200030003612f6203010203010101";

    @Test
    void aSetStoredBeforeVersionsHadTimesReadsUnchanged() {
        SiblingSet old = SiblingSetCodec.decode(HexFormat.of().parseHex(STORED_BEFORE_TIMES));
        assertThat(old.clock().entries()).containsExactly(new VectorClock.Entry("n1.a", 3, 1000),
                new VectorClock.Entry("n2.b", 1, 2000));
        assertThat(old.siblings()).containsExactly(
                new Sibling(new Dot("n1.a", 3), Value.of(new byte[] {1, 2, 3}, "a/b"), HybridTime.ZERO),
                new Sibling(new Dot("n2.b", 1), Value.tombstone(), HybridTime.ZERO));
        assertThat(old.isLatestWins()).isFalse();
        // Rewritten it takes the timed form, and still reads as the same versions.
        SiblingSet again = SiblingSetCodec.decode(SiblingSetCodec.encode(old));
        assertThat(again.siblings()).isEqualTo(old.siblings());
        assertThat(again.clock().entries()).isEqualTo(old.clock().entries());
        // The untimed form of a set without times is byte for byte what the earlier release wrote.
        byte[] untimed = new io.dynamo.core.codec.BinaryReader(SiblingSetCodec.writeUntimed(new BinaryWriter(8), old)
                .toByteArray()).readBytes();
        assertThat(HexFormat.of().formatHex(untimed)).isEqualTo(STORED_BEFORE_TIMES);
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
