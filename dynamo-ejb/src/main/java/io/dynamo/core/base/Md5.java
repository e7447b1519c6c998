package io.dynamo.core.base;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** MD5, the hash that places keys on the ring; safe to call from any thread. */
public final class Md5 {
    // MessageDigest is stateful; one per thread avoids both locking and a fresh provider lookup per call.
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Md5::newDigest);

    private Md5() {
    }

    /** The 16-byte MD5 of the bytes. */
    public static byte[] of(byte[] bytes) {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        return digest.digest(bytes);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide MD5", e);
        }
    }
}
