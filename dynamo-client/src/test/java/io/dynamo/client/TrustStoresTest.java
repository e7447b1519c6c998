package io.dynamo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoresTest {
    @TempDir
    Path dir;

    @Test
    void aTrustStoreOpensWithItsPasswordAndNotWithAnother() throws Exception {
        Path store = dir.resolve("trust.p12");
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        try (OutputStream out = Files.newOutputStream(store)) {
            empty.store(out, "right".toCharArray());
        }

        assertThat(TrustStores.trusting(store, "right".toCharArray()).getProtocol()).isEqualTo("TLS");
        assertThatThrownBy(() -> TrustStores.trusting(store, "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot use the trust store " + store);
        assertThatThrownBy(() -> TrustStores.trusting(dir.resolve("missing.p12"), "right".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.p12");
    }
}
