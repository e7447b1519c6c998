package io.dynamo.infra.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.InvalidConfigException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the cluster key comes from, and how a bad source is refused before the node joins anything. */
class ClusterKeySettingsTest {
    private static final String SECRET = "correct horse battery staple";

    @TempDir
    Path dir;

    private static JGroupsSettings read(Map<String, String> values) {
        return JGroupsSettings.read(name -> Optional.ofNullable(values.get(name)), "n1");
    }

    @Test
    void noKeyMeansUnencrypted() {
        JGroupsSettings s = read(Map.of());
        assertThat(s.encrypted()).isFalse();
        assertThat(s.clusterKey()).isNull();
    }

    /** The documented derivation, checked against a value computed elsewhere (Python's hashlib.pbkdf2_hmac). */
    @Test
    void secretIsStretchedWithPbkdf2SaltedWithTheClusterName() {
        JGroupsSettings s = read(Map.of(JGroupsSettings.SECRET, "  " + SECRET + "\n"));
        assertThat(s.encrypted()).isTrue();
        assertThat(HexFormat.of().formatHex(s.clusterKey().secretKey().getEncoded()))
                .isEqualTo("b87aa3a0e648b11715d0ad15b40986fa9b48061d04919eb569ec668c124f0655");
        assertThat(s.clusterKey().secretKey().getAlgorithm()).isEqualTo("AES");
        assertThat(s.toString()).contains("ClusterKey[dynamo.cluster.secret]").doesNotContain(SECRET);

        ClusterKey otherCluster = read(Map.of(JGroupsSettings.SECRET, SECRET, JGroupsSettings.CLUSTER_NAME, "other"))
                .clusterKey();
        assertThat(otherCluster.sameKeyAs(s.clusterKey())).isFalse();
    }

    @Test
    void secretFileGivesTheSameKeyAsTheSecret() throws Exception {
        Path file = Files.writeString(dir.resolve("cluster.secret"), SECRET + "\n");
        ClusterKey fromFile = read(Map.of(JGroupsSettings.SECRET_FILE, file.toString())).clusterKey();
        assertThat(fromFile.sameKeyAs(read(Map.of(JGroupsSettings.SECRET, SECRET)).clusterKey())).isTrue();
        assertThat(fromFile.origin()).isEqualTo("dynamo.cluster.secret.file");
    }

    @Test
    void shortSecretIsRefusedNamingTheSettingButNotTheSecret() {
        assertThatThrownBy(() -> read(Map.of(JGroupsSettings.SECRET, "fifteen chars..")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("setting dynamo.cluster.secret is too short: 15 characters, at least 16")
                .hasMessageNotContaining("fifteen");
    }

    @Test
    void unreadableSourcesAndConflictsAreRefused() throws Exception {
        assertThatThrownBy(() -> read(Map.of(JGroupsSettings.SECRET_FILE, dir.resolve("none").toString())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("dynamo.cluster.secret.file = ")
                .hasMessageContaining("cannot be read");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> read(Map.of(JGroupsSettings.SECRET_FILE, empty.toString())))
                .hasMessageContaining("dynamo.cluster.secret.file is too short: 0 characters");
        assertThatThrownBy(() -> read(Map.of(JGroupsSettings.KEYSTORE, dir.resolve("none.p12").toString())))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("setting dynamo.cluster.keystore = " + dir.resolve("none.p12"))
                .hasMessageContaining("no readable file");
        assertThatThrownBy(() -> read(Map.of(JGroupsSettings.SECRET, SECRET, JGroupsSettings.KEYSTORE, "k.p12")))
                .hasMessageContaining("dynamo.cluster.secret, dynamo.cluster.keystore are set together");
        assertThatThrownBy(() -> read(Map.of(JGroupsSettings.KEYSTORE_PASSWORD, "secret")))
                .hasMessageContaining("setting dynamo.cluster.keystore is missing");
    }

    @Test
    void keystoreSecretKeyEntryIsTheClusterKey() throws Exception {
        SecretKey aes = aesKey(256);
        Path store = keystore("PKCS12", JGroupsSettings.DEFAULT_KEY_ALIAS, aes);
        ClusterKey key = read(Map.of(JGroupsSettings.KEYSTORE, store.toString(),
                JGroupsSettings.KEYSTORE_PASSWORD, "store-pw")).clusterKey();
        assertThat(key.secretKey().getEncoded()).isEqualTo(aes.getEncoded());
        assertThat(key.origin()).isEqualTo("entry dynamo-cluster of keystore " + store);

        Path jceks = keystore("JCEKS", "mine", aes);
        assertThat(read(Map.of(JGroupsSettings.KEYSTORE, jceks.toString(), JGroupsSettings.KEYSTORE_PASSWORD,
                "store-pw", JGroupsSettings.KEY_ALIAS, "mine")).clusterKey().sameKeyAs(key)).isTrue();
    }

    @Test
    void badKeystoresAreRefusedSayingWhatToDo() throws Exception {
        Path store = keystore("PKCS12", "other", aesKey(256));
        assertThatThrownBy(() -> read(Map.of(JGroupsSettings.KEYSTORE, store.toString())))
                .hasMessageContaining("setting dynamo.cluster.keystore.password is missing");
        assertThatThrownBy(() -> read(Map.of(JGroupsSettings.KEYSTORE, store.toString(),
                JGroupsSettings.KEYSTORE_PASSWORD, "wrong")))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("cannot be read")
                .hasMessageContaining("dynamo.cluster.keystore.password").hasMessageNotContaining("wrong");
        assertThatThrownBy(() -> read(Map.of(JGroupsSettings.KEYSTORE, store.toString(),
                JGroupsSettings.KEYSTORE_PASSWORD, "store-pw")))
                .hasMessageContaining("has no entry dynamo-cluster (setting dynamo.cluster.key.alias); it has [other]");
        Path small = keystore("PKCS12", JGroupsSettings.DEFAULT_KEY_ALIAS, aesKey(128));
        assertThatThrownBy(() -> read(Map.of(JGroupsSettings.KEYSTORE, small.toString(),
                JGroupsSettings.KEYSTORE_PASSWORD, "store-pw")))
                .hasMessageContaining("has 128 bits; the cluster key must have 256 bits");
    }

    private static SecretKey aesKey(int bits) throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(bits);
        return generator.generateKey();
    }

    private Path keystore(String type, String alias, SecretKey key) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        char[] password = "store-pw".toCharArray();
        store.setEntry(alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
        Path file = Files.createTempFile(dir, "cluster", "." + type.toLowerCase());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }
}
