package io.dynamo.bench.jmh;

import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the cluster encryption costs per message, as SYM_ENCRYPT uses a cipher: a random nonce, an init, one
 * doFinal to seal and one to open, on a replica write of the YCSB benchmark (one 1,081-byte value with its clock
 * and framing, about 1,300 bytes). AES/GCM is the cipher the nodes use; ChaCha20-Poly1305 the one they used before.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CipherBench {
    @Param({"AES/GCM/NoPadding", "ChaCha20-Poly1305"})
    public String cipher;

    @Param({"1300"})
    public int bytes;

    private final SecureRandom random = new SecureRandom();
    private final byte[] nonce = new byte[12];
    private Cipher sealer;
    private Cipher opener;
    private SecretKeySpec key;
    private byte[] message;

    @Setup
    public void setUp() throws Exception {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        key = new SecretKeySpec(raw, cipher.startsWith("AES") ? "AES" : "ChaCha20");
        sealer = Cipher.getInstance(cipher);
        opener = Cipher.getInstance(cipher);
        message = new byte[bytes];
        random.nextBytes(message);
    }

    @Benchmark
    public byte[] sealAndOpen() throws Exception {
        random.nextBytes(nonce);
        AlgorithmParameterSpec spec = cipher.startsWith("AES") ? new GCMParameterSpec(128, nonce)
                : new IvParameterSpec(nonce);
        sealer.init(Cipher.ENCRYPT_MODE, key, spec);
        byte[] sealed = sealer.doFinal(message);
        opener.init(Cipher.DECRYPT_MODE, key, spec);
        return opener.doFinal(sealed);
    }
}
