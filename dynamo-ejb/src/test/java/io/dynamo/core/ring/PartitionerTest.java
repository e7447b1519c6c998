package io.dynamo.core.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartitionerTest {

    private static byte[] md5(String text) {
        return Partitioner.md5(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void md5MatchesKnownDigests() {
        assertThat(hex(md5(""))).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(hex(md5("abc"))).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(hex(md5("The quick brown fox jumps over the lazy dog")))
                .isEqualTo("9e107d9d372bb6826bd81d3542a419d6");
    }

    @Test
    void partitionIsTheTopBitsOfKnownDigests() {
        byte[] empty = md5(""); // d41d...
        assertThat(new Partitioner(1).partitionOf(empty)).isZero();
        assertThat(new Partitioner(2).partitionOf(empty)).isEqualTo(1);
        assertThat(new Partitioner(256).partitionOf(empty)).isEqualTo(0xd4);
        assertThat(new Partitioner(1024).partitionOf(empty)).isEqualTo(0xd41d >>> 6);
        assertThat(new Partitioner(65536).partitionOf(empty)).isEqualTo(0xd41d);
        assertThat(new Partitioner(256).partitionOfKey("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(0x90);
        assertThat(new Partitioner(16).partitionOf(md5("The quick brown fox jumps over the lazy dog"))).isEqualTo(9);
    }

    @Property(tries = 300)
    void partitionAgreesWithTheHashAsA128BitNumber(@ForAll byte[] key, @ForAll @IntRange(max = 16) int bits) {
        Partitioner partitioner = new Partitioner(1 << bits);
        byte[] hash = Partitioner.md5(key);
        BigInteger position = new BigInteger(1, hash);
        int partition = partitioner.partitionOf(hash);
        assertThat(partition).isEqualTo(position.shiftRight(128 - bits).intValueExact());
        // The partition's range [start, end) contains the hash.
        assertThat(Arrays.compareUnsigned(partitioner.partitionStart(partition), hash)).isLessThanOrEqualTo(0);
        byte[] end = partitioner.partitionEnd(partition);
        if (end != null) {
            assertThat(Arrays.compareUnsigned(hash, end)).isNegative();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8, 256, 4096, 65536})
    void partitionStartsAreEqualSteps(int q) {
        Partitioner partitioner = new Partitioner(q);
        BigInteger step = BigInteger.ONE.shiftLeft(128).divide(BigInteger.valueOf(q));
        for (int p = 0; p < q; p += Math.max(1, q / 64)) {
            byte[] start = partitioner.partitionStart(p);
            assertThat(start).hasSize(16);
            assertThat(new BigInteger(1, start)).isEqualTo(step.multiply(BigInteger.valueOf(p)));
            assertThat(partitioner.partitionOf(start)).isEqualTo(p);
        }
        assertThat(partitioner.partitionEnd(q - 1)).isNull();
    }

    @Test
    void acceptsStorageKeysThatStartWithTheHashAndRejectsShortInput() {
        Partitioner partitioner = new Partitioner(256);
        byte[] storageKey = Arrays.copyOf(md5(""), 20);
        assertThat(partitioner.partitionOf(storageKey)).isEqualTo(0xd4);
        assertThatThrownBy(() -> partitioner.partitionOf(new byte[2])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16-byte");
        assertThatThrownBy(() -> partitioner.partitionStart(256)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -4, 3, 100, 131072})
    void rejectsPartitionCountsThatAreNotPowersOfTwoInRange(int q) {
        assertThatThrownBy(() -> new Partitioner(q)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
    }

    @Test
    void md5IsSafeToShareBetweenThreads() {
        Random random = new Random(7);
        List<byte[]> keys = IntStream.range(0, 20_000).mapToObj(i -> {
            byte[] key = new byte[1 + random.nextInt(40)];
            random.nextBytes(key);
            return key;
        }).toList();
        List<String> sequential = keys.stream().map(k -> hex(Partitioner.md5(k))).toList();
        List<String> parallel = keys.parallelStream().map(k -> hex(Partitioner.md5(k))).toList();
        assertThat(parallel).isEqualTo(sequential);
    }
}
