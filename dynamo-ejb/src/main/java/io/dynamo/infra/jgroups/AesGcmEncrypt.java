package io.dynamo.infra.jgroups;

import java.security.Key;
import java.util.concurrent.BlockingQueue;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.jgroups.Message;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.protocols.EncryptHeader;
import org.jgroups.protocols.SYM_ENCRYPT;
import org.jgroups.util.Util;

/**
 * SYM_ENCRYPT with AES/GCM, an AEAD cipher the JDK runs on the CPU's AES and carry-less multiply instructions.
 *
 * <p>Why a subclass: SYM_ENCRYPT hands every cipher an {@code IvParameterSpec}, which the JDK's GCM refuses (it
 * wants a {@code GCMParameterSpec} naming the tag length). Only that hand-over changes; message format, headers,
 * the random 96-bit nonce per message and the key version are SYM_ENCRYPT's, and so is the protocol id, so the
 * stack and its headers look as they would with SYM_ENCRYPT itself. ChaCha20-Poly1305, the cipher used before,
 * has no such instructions on JDK 17 and cost several times more per message.
 */
final class AesGcmEncrypt extends SYM_ENCRYPT {
    static final String CIPHER = "AES/GCM/NoPadding";
    /** GCM's recommended nonce length; SYM_ENCRYPT draws a random one per message. */
    static final int NONCE_BYTES = 12;
    /** The full 128-bit tag: shorter GCM tags weaken the forgery bound. */
    static final int TAG_BITS = 128;

    AesGcmEncrypt() {
        setId(ClassConfigurator.getProtocolId(SYM_ENCRYPT.class));
        symAlgorithm(CIPHER);
        symIvLength(NONCE_BYTES);
    }

    @Override
    protected byte[] code(byte[] buf, int offset, int length, byte[] iv, boolean decode) throws Exception {
        BlockingQueue<Cipher> queue = decode ? decoding_ciphers : encoding_ciphers;
        Cipher cipher = queue.take();
        try {
            return run(cipher, decode ? Cipher.DECRYPT_MODE : Cipher.ENCRYPT_MODE, secret_key, iv, buf, offset, length);
        } finally {
            queue.offer(cipher);
        }
    }

    /** SYM_ENCRYPT's own decryption, with the GCM parameters; a message that fails its tag check throws. */
    @Override
    protected Message _decrypt(Cipher cipher, Key key, Message msg, EncryptHeader hdr) throws Exception {
        if (!msg.hasPayload()) {
            return msg;
        }
        byte[] plain = cipher == null
                ? code(msg.getArray(), msg.getOffset(), msg.getLength(), hdr.iv(), true)
                : run(cipher, Cipher.DECRYPT_MODE, key, hdr.iv(), msg.getArray(), msg.getOffset(), msg.getLength());
        return hdr.needsDeserialization()
                ? Util.messageFromBuffer(plain, 0, plain.length)
                : msg.setArray(plain, 0, plain.length);
    }

    private static byte[] run(Cipher cipher, int mode, Key key, byte[] iv, byte[] buf, int offset, int length)
            throws Exception {
        if (iv == null || iv.length != NONCE_BYTES) {
            // Only a message made without this protocol gets here; GCM without a nonce cannot be checked.
            throw new SecurityException("message without a " + NONCE_BYTES + "-byte nonce");
        }
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        return cipher.doFinal(buf, offset, length);
    }
}
