package io.dynamo.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * How often a request hashes its key, counted for real: a security provider, preferred over the JDK's for the run,
 * hands out MD5 digests that record what they hash. Each node that touches the key should hash it once. Every
 * request starts from a new {@link Key}, as one arriving over HTTP or the wire does.
 */
class KeyHashCountTest {
    private static final String KEY = "counted-key";

    @Test
    void aCoordinatedPutHashesTheKeyOnceOnEachNode() throws Exception {
        assertThat(keyHashesDuring(cluster -> put(cluster, "a"))).as("a coordinates, b and c store").isEqualTo(3);
    }

    @Test
    void aForwardedPutHashesTheKeyOnceOnEachNode() throws Exception {
        assertThat(keyHashesDuring(cluster -> put(cluster, "d"))).as("d forwards, one coordinates, two store")
                .isEqualTo(4);
    }

    @Test
    void aGetHashesTheKeyOnceOnEachNode() throws Exception {
        assertThat(keyHashesDuring(cluster -> {
            put(cluster, "a");
            cluster.node("b").get(Key.of(KEY), OptionalInt.empty());
        })).as("the put as above, then b coordinates the get and a and c read").isEqualTo(6);
    }

    private static void put(WireCluster cluster, String via) {
        cluster.node(via).put(Key.of(KEY), Context.EMPTY, Value.of(new byte[] {1}, null), OptionalInt.empty());
    }

    /** Runs the scenario on a fresh thread (MD5 digests are kept per thread) with the counting provider first. */
    private static int keyHashesDuring(java.util.function.Consumer<WireCluster> scenario) throws Exception {
        CountingProvider counting = new CountingProvider();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Security.insertProviderAt(counting, 1);
        try {
            Thread run = new Thread(() -> {
                try (WireCluster cluster = new WireCluster()) {
                    counting.hashed.clear();
                    scenario.accept(cluster);
                } catch (Throwable t) {
                    failed.set(t);
                }
            });
            run.start();
            run.join();
        } finally {
            Security.removeProvider(counting.getName());
        }
        if (failed.get() != null) {
            throw new AssertionError("the scenario failed", failed.get());
        }
        assertThat(counting.hashed).as("the provider was used").isNotEmpty();
        return (int) counting.hashed.stream().filter(input -> Arrays.equals(input, Key.of(KEY).bytes())).count();
    }

    /** Offers MD5 only, as the JDK's own digest that also records each input. */
    private static final class CountingProvider extends Provider {
        final List<byte[]> hashed = Collections.synchronizedList(new ArrayList<>());

        CountingProvider() {
            super("DynamoCountingMd5", "1", "MD5 that records what it hashes, for tests");
            putService(new Service(this, "MessageDigest", "MD5", RecordingMd5.class.getName(), List.of(), Map.of()) {
                @Override
                public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
                    try {
                        return new RecordingMd5(MessageDigest.getInstance("MD5", "SUN"), hashed);
                    } catch (NoSuchProviderException e) {
                        throw new NoSuchAlgorithmException(e);
                    }
                }
            });
        }
    }

    private static final class RecordingMd5 extends MessageDigestSpi {
        private final MessageDigest md5;
        private final List<byte[]> hashed;
        private final ByteArrayOutputStream input = new ByteArrayOutputStream();

        RecordingMd5(MessageDigest md5, List<byte[]> hashed) {
            this.md5 = md5;
            this.hashed = hashed;
        }

        @Override
        protected void engineUpdate(byte b) {
            input.write(b);
            md5.update(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) {
            input.write(b, off, len);
            md5.update(b, off, len);
        }

        @Override
        protected byte[] engineDigest() {
            hashed.add(input.toByteArray());
            input.reset();
            return md5.digest();
        }

        @Override
        protected void engineReset() {
            input.reset();
            md5.reset();
        }
    }
}
