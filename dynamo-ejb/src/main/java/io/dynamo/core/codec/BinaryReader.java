package io.dynamo.core.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what {@link BinaryWriter} wrote, checking every length against what is left, so that hostile or corrupt
 * input fails with {@link IllegalArgumentException} instead of a huge allocation or an index error.
 */
public final class BinaryReader {
    private final byte[] buf;
    private int pos;

    public BinaryReader(byte[] buf) {
        this.buf = buf;
    }

    public int readByte() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    public long readVarLong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (shift == 63 && b > 1) {
                    break;
                }
                return v;
            }
        }
        throw new IllegalArgumentException("varint longer than 64 bits at byte " + pos);
    }

    /** A length or count that must fit in what is left (each counted item taking at least minBytesEach). */
    public int readCount(int minBytesEach) {
        long n = readVarLong();
        // Divide rather than multiply: a huge n times the item size overflows into a negative and would pass.
        if (n < 0 || n > remaining() / Math.max(1, minBytesEach)) {
            throw new IllegalArgumentException("count " + n + " exceeds the " + remaining() + " bytes left");
        }
        return (int) n;
    }

    public byte[] readBytes() {
        int n = readCount(1);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    public String readString() {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(readBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("string is not valid UTF-8 before byte " + pos);
        }
    }

    public int remaining() {
        return buf.length - pos;
    }

    public void expectEnd() {
        if (remaining() != 0) {
            throw new IllegalArgumentException(remaining() + " unexpected trailing bytes");
        }
    }

    private void need(int n) {
        if (remaining() < n) {
            throw new IllegalArgumentException("input ends early at byte " + pos);
        }
    }
}
