package io.dynamo.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CodecTest {

    @Property(tries = 300)
    void siblingSetsAndContextsRoundTrip(@ForAll long seed) {
        Histories h = Histories.random(seed, 3, 30, 10);
        for (SiblingSet s : h.replicas) {
            SiblingSet back = SiblingSetCodec.decode(SiblingSetCodec.encode(s));
            assertThat(back).isEqualTo(s);
            assertThat(back.siblings()).isEqualTo(s.siblings());
            assertThat(back.clock().entries()).isEqualTo(s.clock().entries());
            Context decoded = Context.decode(s.context().encode());
            assertThat(decoded.clock().entries()).isEqualTo(s.clock().entries());
        }
    }

    @Test
    void blankOrAbsentContextIsEmpty() {
        assertThat(Context.decode(null)).isEqualTo(Context.EMPTY);
        assertThat(Context.decode("  ")).isEqualTo(Context.EMPTY);
        assertThat(Context.decode(Context.EMPTY.encode())).isEqualTo(Context.EMPTY);
    }

    @Test
    void theContextIsCompact() {
        VectorClock clock = VectorClock.EMPTY;
        for (int i = 0; i < 3; i++) {
            clock = clock.with(new Dot("node" + i + ".3f9c0a1b", 1000 + i), 1_790_000_000_000L);
        }
        assertThat(new Context(clock).encode().length()).isLessThan(120);
    }

    @Test
    void malformedContextsAreRejectedClearly() {
        for (String bad : new String[] {"%%%", "AAAA", "not base64!", "AQ", "Ag", b64(1, 1, 0), b64(1, 1, 1, 'a', 0, 0),
            b64(1, 2, 1, 'b', 1, 1, 1, 'a', 1, 1), b64(1, 0, 7)}) {
            assertThatThrownBy(() -> Context.decode(bad), bad)
                    .isInstanceOf(MalformedContextException.class)
                    .hasMessageContaining("context");
        }
    }

    @Test
    void aContextMayNotClaimCountersNoNodeIssues() {
        VectorClock highest = VectorClock.EMPTY.with(new Dot("n1.a", ContextCodec.MAX_COUNTER), 1);
        assertThat(Context.decode(new Context(highest).encode()).clock()).isEqualTo(highest);
        for (long counter : new long[] {ContextCodec.MAX_COUNTER + 1, Long.MAX_VALUE}) {
            String forged = new Context(highest.with(new Dot("n2.b", counter), 1)).encode();
            assertThatThrownBy(() -> Context.decode(forged)).isInstanceOf(MalformedContextException.class)
                    .hasMessageContaining("more than any node issues");
        }
    }

    @Property(tries = 2000)
    void randomBytesNeverEscapeAsAnythingButAMalformedContext(@ForAll byte[] bytes) {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            Context.decode(encoded);
        } catch (MalformedContextException expected) {
            // the only acceptable failure
        }
    }

    @Test
    void hugeCountsDoNotAllocate() {
        byte[] bytes = {1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 1, 'a'};
        assertThatThrownBy(() -> Context.decode(Base64.getUrlEncoder().encodeToString(bytes)))
                .isInstanceOf(MalformedContextException.class);
        assertThatThrownBy(() -> SiblingSetCodec.decode(new byte[] {1, 0, (byte) 0xff, (byte) 0xff, 0x7f}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String b64(int... bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) bytes[i];
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }
}
