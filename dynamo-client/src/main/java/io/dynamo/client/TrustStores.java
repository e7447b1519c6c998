package io.dynamo.client;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS contexts for {@link DynamoClient.Builder#sslContext}: trust the certificates of a trust store file. */
public final class TrustStores {
    private TrustStores() {
    }

    /**
     * A context that trusts exactly the certificates in this trust store (PKCS12 or JKS, the type is detected), e.g. the nodes'
     * self-signed certificates, as {@code keytool -importcert} puts them there; the JDK's authorities are not added.
     *
     * @throws IllegalArgumentException when the file cannot be read or opened with this password
     */
    public static SSLContext trusting(Path trustStore, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance(trustStore.toFile(), password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }
}
