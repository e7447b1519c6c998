package io.dynamo.infra.jgroups;

import io.dynamo.core.base.InvalidConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collections;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit key every node of a cluster shares; SYM_ENCRYPT encrypts and authenticates all cluster traffic with
 * it. It comes from a shared secret (stretched with PBKDF2, so a guessable secret is at least slow to guess) or
 * from a secret-key entry of a keystore. {@link #toString()} names where it came from, never the key.
 */
public final class ClusterKey {
    /** The key's algorithm; {@link AesGcmEncrypt} uses it with GCM, so forged or altered messages fail their tag. */
    static final String KEY_ALGORITHM = "AES";
    static final int KEY_BYTES = 32;
    static final int MIN_SECRET_CHARS = 16;
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256: about half a second on one core, once per node start. */
    static final int PBKDF2_ITERATIONS = 600_000;
    /** Salt prefix; the cluster name follows, so two clusters sharing a secret still get different keys. */
    static final String SALT_PREFIX = "dynamo-cluster-key:";

    private final byte[] key;
    private final String origin;

    private ClusterKey(byte[] key, String origin) {
        this.key = key;
        this.origin = origin;
    }

    /**
     * PBKDF2WithHmacSHA256 over the secret, salted with {@value #SALT_PREFIX} + the cluster name (UTF-8),
     * {@value #PBKDF2_ITERATIONS} iterations, 256 bits out: every node with the same secret and cluster name
     * derives the same key.
     *
     * @param setting the setting the secret came from, for messages
     */
    public static ClusterKey fromSecret(String secret, String clusterName, String setting) {
        if (secret == null || secret.strip().length() < MIN_SECRET_CHARS) {
            int length = secret == null ? 0 : secret.strip().length();
            throw new InvalidConfigException("setting " + setting + " is too short: " + length + " characters, at "
                    + "least " + MIN_SECRET_CHARS + " are needed (generate one with: openssl rand -base64 32)");
        }
        char[] chars = secret.strip().toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, (SALT_PREFIX + clusterName).getBytes(StandardCharsets.UTF_8),
                PBKDF2_ITERATIONS, KEY_BYTES * 8);
        try {
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new ClusterKey(derived, setting);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot derive keys with PBKDF2WithHmacSHA256: " + e, e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * The secret key stored under {@code alias} in a PKCS12, JCEKS or JKS keystore (the type is detected), for
     * example one made with {@code keytool -genseckey -keyalg AES -keysize 256 -storetype PKCS12}. Its raw 32 bytes
     * become the cluster key, whatever algorithm the entry names.
     *
     * @param settings names of the keystore, password and alias settings, in that order, for messages
     */
    public static ClusterKey fromKeyStore(Path path, char[] password, String alias, String... settings) {
        String where = "the keystore " + path + " (setting " + settings[0] + ")";
        KeyStore store;
        try {
            store = KeyStore.getInstance(path.toFile(), password);
        } catch (IOException e) {
            throw new InvalidConfigException(where + " cannot be read: " + e.getMessage() + "; check the path and "
                    + "the password (setting " + settings[1] + ")");
        } catch (GeneralSecurityException e) {
            throw new InvalidConfigException(where + " is not a PKCS12, JCEKS or JKS keystore: " + e);
        }
        try {
            if (!store.containsAlias(alias)) {
                throw new InvalidConfigException(where + " has no entry " + alias + " (setting " + settings[2]
                        + "); it has " + Collections.list(store.aliases()));
            }
            if (!store.entryInstanceOf(alias, KeyStore.SecretKeyEntry.class)) {
                throw new InvalidConfigException("entry " + alias + " of " + where + " is not a secret key; create "
                        + "one with keytool -genseckey -keyalg AES -keysize 256");
            }
            SecretKey secret = ((KeyStore.SecretKeyEntry) store.getEntry(alias,
                    new KeyStore.PasswordProtection(password))).getSecretKey();
            byte[] raw = secret.getEncoded();
            if (raw == null || raw.length != KEY_BYTES) {
                throw new InvalidConfigException("entry " + alias + " of " + where + " has "
                        + (raw == null ? 0 : raw.length * 8) + " bits; the cluster key must have 256 bits (keytool "
                        + "-genseckey -keyalg AES -keysize 256)");
            }
            return new ClusterKey(raw, "entry " + alias + " of keystore " + path);
        } catch (GeneralSecurityException e) {
            throw new InvalidConfigException("entry " + alias + " of " + where + " cannot be read: " + e + "; the key "
                    + "password must be the keystore password (setting " + settings[1] + ")");
        }
    }

    /** The key for the encryption protocol, named AES, the algorithm of its cipher (SYM_ENCRYPT adopts a key's). */
    SecretKey secretKey() {
        return new SecretKeySpec(key, KEY_ALGORITHM);
    }

    /** Where the key came from: a setting's name or a keystore entry. */
    public String origin() {
        return origin;
    }

    /** Constant-time comparison of the key bytes; two nodes interoperate exactly when their keys are equal. */
    boolean sameKeyAs(ClusterKey other) {
        return MessageDigest.isEqual(key, other.key);
    }

    @Override
    public String toString() {
        return "ClusterKey[" + origin + "]";
    }
}
