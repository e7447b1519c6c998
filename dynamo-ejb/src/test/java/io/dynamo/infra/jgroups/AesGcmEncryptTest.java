package io.dynamo.infra.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.protocols.SYM_ENCRYPT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AesGcmEncryptTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SecretKey KEY = ClusterKey.fromSecret("a-cluster-secret-of-some-length", "dynamo", "test")
            .secretKey();
    private final byte[] plain = "a replicated value, 1 KB in the benchmark".getBytes(StandardCharsets.UTF_8);
    private AesGcmEncrypt protocol;

    @BeforeEach
    void init() throws Exception {
        protocol = new AesGcmEncrypt();
        protocol.setSecretKey(KEY);
        protocol.init();
    }

    @Test
    void encryptsWithStandardAesGcmAndA128BitTag() throws Exception {
        byte[] nonce = nonce();
        byte[] sealed = protocol.code(plain, 0, plain.length, nonce, false);

        assertThat(sealed).hasSize(plain.length + 16);
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(Cipher.DECRYPT_MODE, KEY, new GCMParameterSpec(128, nonce));
        assertThat(jdk.doFinal(sealed)).isEqualTo(plain);
        assertThat(protocol.code(sealed, 0, sealed.length, nonce, true)).isEqualTo(plain);
    }

    @Test
    void anAlteredMessageOrAnotherNonceFailsTheTagCheck() throws Exception {
        byte[] nonce = nonce();
        byte[] sealed = protocol.code(plain, 0, plain.length, nonce, false);
        byte[] altered = sealed.clone();
        altered[3] ^= 1;

        assertThatThrownBy(() -> protocol.code(altered, 0, altered.length, nonce, true))
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> protocol.code(sealed, 0, sealed.length, nonce(), true))
                .isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void aMessageSealedUnderAnotherKeyFailsTheTagCheck() throws Exception {
        AesGcmEncrypt other = new AesGcmEncrypt();
        other.setSecretKey(ClusterKey.fromSecret("another-cluster-secret-here", "dynamo", "test").secretKey());
        other.init();
        byte[] nonce = nonce();
        byte[] sealed = other.code(plain, 0, plain.length, nonce, false);

        assertThatThrownBy(() -> protocol.code(sealed, 0, sealed.length, nonce, true))
                .isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void aMessageWithoutANonceIsRefused() {
        assertThatThrownBy(() -> protocol.code(plain, 0, plain.length, null, true))
                .isInstanceOf(SecurityException.class).hasMessageContaining("12-byte nonce");
        assertThatThrownBy(() -> protocol.code(plain, 0, plain.length, new byte[16], true))
                .isInstanceOf(SecurityException.class);
    }

    @Test
    void keepsSymEncryptsCipherNameAndProtocolId() {
        assertThat(protocol.symAlgorithm()).isEqualTo("AES/GCM/NoPadding");
        assertThat(protocol.getId()).isEqualTo(ClassConfigurator.getProtocolId(SYM_ENCRYPT.class));
    }

    private static byte[] nonce() {
        byte[] nonce = new byte[AesGcmEncrypt.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }
}
