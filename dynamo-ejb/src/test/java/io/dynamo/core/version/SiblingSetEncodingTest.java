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
        byte[] format4 = ok.clone();
        format4[0] = 4;
        assertThatThrownBy(() -> SiblingSetCodec.decode(format4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 4");
        SiblingSet two = set.put(Context.EMPTY, new Dot("n2.b", 1), Value.tombstone(), 2000, 10);
        byte[] marked = SiblingSetCodec.encode(two);
        marked[1] = 1;
        assertThatThrownBy(() -> SiblingSetCodec.decode(marked)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds one sibling, not 2");
    }

    private final SiblingSet expiring = set.put(Context.EMPTY, new Dot("n2.b", 4),
            Value.of(new byte[] {7}, "text/plain").expiringAt(1_700_000_060_000L), 2000,
            new HybridTime(1_700_000_000_000L, 0), 10);

    @Test
    void anExpiryRoundTripsInFormat3AndOnlyASetWithOneUsesIt() {
        byte[] bytes = SiblingSetCodec.encode(expiring);
        assertThat(bytes[0]).isEqualTo((byte) 3);
        SiblingSet decoded = SiblingSetCodec.decode(bytes);
        assertThat(decoded.siblings()).isEqualTo(expiring.siblings());
        assertThat(decoded.siblings()).extracting(s -> s.value().expiresAt()).containsExactly(0L, 1_700_000_060_000L);
        // A set without an expiring value keeps format 2, which nodes of the release before read.
        assertThat(SiblingSetCodec.encode(set)[0]).isEqualTo((byte) 2);
        // Buried, the expired version is a tombstone of the same dot and time: format 2 again.
        SiblingSet buried = decoded.expired(1_700_000_060_000L);
        assertThat(SiblingSetCodec.encode(buried)[0]).isEqualTo((byte) 2);
        assertThat(buried.siblings().get(1).dot()).isEqualTo(new Dot("n2.b", 4));
        assertThat(buried.siblings().get(1).value().isTombstone()).isTrue();
        assertThat(buried.siblings().get(1).time()).isEqualTo(new HybridTime(1_700_000_000_000L, 0));
    }

    @Test
    void aSetWithAnExpiryIsNeverWrittenInAFormatWithoutOne() {
        assertThatThrownBy(() -> SiblingSetCodec.writeUntimed(new BinaryWriter(8), expiring))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upgrade every node first");
        assertThatThrownBy(() -> SiblingSetCodec.writeTimed(new BinaryWriter(8), expiring))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upgrade every node first");
        assertThat(SiblingSetCodec.decode(new io.dynamo.core.codec.BinaryReader(SiblingSetCodec.writeTimed(
                new BinaryWriter(8), set).toByteArray()).readBytes())).isEqualTo(set);
    }

    @Test
    void malformedExpiriesAreRefused() {
        byte[] ok = SiblingSetCodec.encode(expiring);
        // The expiry flag in format 2, which has none.
        byte[] inFormat2 = ok.clone();
        inFormat2[0] = 2;
        assertThatThrownBy(() -> SiblingSetCodec.decode(inFormat2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has flags 2");
        // A zero expiry (the last varint before the time's two) is not written: "never" has no flag.
        SiblingSet zero = SiblingSet.EMPTY.put(Context.EMPTY, new Dot("n1.a", 1),
                Value.of(new byte[0], "a/b").expiringAt(1), 5, HybridTime.ZERO, 10);
        byte[] zeroed = SiblingSetCodec.encode(zero);
        zeroed[zeroed.length - 3] = 0;
        assertThatThrownBy(() -> SiblingSetCodec.decode(zeroed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expires at 0");
    }
}
