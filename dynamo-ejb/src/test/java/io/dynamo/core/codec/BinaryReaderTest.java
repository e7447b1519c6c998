package io.dynamo.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BinaryReaderTest {

    private static BinaryReader countThenBytes(long count, int bytes) {
        BinaryWriter w = new BinaryWriter(16).writeVarLong(count);
        for (int i = 0; i < bytes; i++) {
            w.writeByte(0);
        }
        return new BinaryReader(w.toByteArray());
    }

    @Test
    void aCountThatFitsInWhatIsLeftIsRead() {
        assertThat(countThenBytes(3, 6).readCount(2)).isEqualTo(3);
        assertThat(countThenBytes(0, 0).readCount(4)).isZero();
    }

    @Test
    void aCountLargerThanWhatIsLeftIsRefused() {
        assertThatThrownBy(() -> countThenBytes(4, 6).readCount(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count 4 exceeds the 6 bytes left");
    }

    @Test
    void aHugeCountWhoseSizeOverflowsIsRefusedInsteadOfAllocated() {
        // 2^62 + 2^31 - 1: times 2 it overflows to a negative size, and as an int it is Integer.MAX_VALUE.
        long huge = (1L << 62) + Integer.MAX_VALUE;
        assertThatThrownBy(() -> countThenBytes(huge, 8).readCount(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> countThenBytes(Long.MAX_VALUE, 8).readCount(4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
