package io.dynamo.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.codec.BinaryWriter;
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
}
