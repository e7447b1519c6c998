package io.dynamo.infra.jgroups;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The frame of every message this transport sends: a kind byte, the request id that correlates a reply with
 * its request, then the body (a {@code MessageCodec} encoding, or a UTF-8 reason for {@link #FAILURE}).
 * Correlating ourselves over plain unicasts keeps the whole request lifecycle (timeouts, view changes, close)
 * in one place and every callback off JGroups' threads.
 */
record Envelope(byte kind, long id, byte[] frame, int bodyOffset, int bodyLength) {
    static final byte REQUEST = 1;
    static final byte REPLY = 2;
    /** The receiver could not answer (no handler yet, undecodable request, handler failed); body: the reason. */
    static final byte FAILURE = 3;
    static final int HEADER_BYTES = 1 + Long.BYTES;

    static byte[] frame(byte kind, long id, byte[] body) {
        return ByteBuffer.allocate(HEADER_BYTES + body.length).put(kind).putLong(id).put(body).array();
    }

    static byte[] failure(long id, String reason) {
        return frame(FAILURE, id, reason.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the bytes are not a frame this class wrote */
    static Envelope parse(byte[] buffer, int offset, int length) {
        if (buffer == null || length < HEADER_BYTES) {
            throw new IllegalArgumentException("frame of " + length + " bytes is shorter than its header");
        }
        ByteBuffer b = ByteBuffer.wrap(buffer, offset, length);
        byte kind = b.get();
        if (kind < REQUEST || kind > FAILURE) {
            throw new IllegalArgumentException("unknown frame kind " + kind);
        }
        return new Envelope(kind, b.getLong(), buffer, offset + HEADER_BYTES, length - HEADER_BYTES);
    }

    byte[] body() {
        return Arrays.copyOfRange(frame, bodyOffset, bodyOffset + bodyLength);
    }

    String reason() {
        return new String(frame, bodyOffset, bodyLength, StandardCharsets.UTF_8);
    }
}
