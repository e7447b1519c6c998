package io.dynamo.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.version.MalformedContextException;
import org.junit.jupiter.api.Test;

class DotSourceTest {
    private final InMemoryStorageEngine storage = new InMemoryStorageEngine("inc");
    private final DotSource dots = new DotSource("n1", storage);

    @Test
    void aClaimThisNodeNeverIssuedMovesItsCounterPastIt() {
        assertThat(dots.next(0).counter()).isEqualTo(1);
        assertThat(dots.next(1L << 40).counter()).isEqualTo((1L << 40) + 1);
        assertThat(dots.next(0).counter()).isEqualTo((1L << 40) + 2);
        assertThat(dots.next(DotSource.MAX_JUMP).counter()).isEqualTo(DotSource.MAX_JUMP + 1);
    }

    @Test
    void aClaimTooHighToWriteAboveIsRefusedAndLeavesTheCounterAlone() {
        long before = dots.next(0).counter();
        for (long claim : new long[] {Long.MAX_VALUE, Long.MAX_VALUE - 4096, 1L << 62, DotSource.MAX_JUMP + 1}) {
            assertThatThrownBy(() -> dots.next(claim)).isInstanceOf(MalformedContextException.class)
                    .hasMessageContaining("never issued");
        }
        assertThat(dots.next(0).counter()).isEqualTo(before + 1);
    }

    @Test
    void countersItIssuedStayWritableAboveTheLimitAndAfterARestart() {
        dots.next(DotSource.MAX_JUMP);
        long issued = dots.next(0).counter();
        assertThat(issued).isGreaterThan(DotSource.MAX_JUMP);
        assertThat(dots.next(issued).counter()).isGreaterThan(issued);

        DotSource restarted = new DotSource("n1", InMemoryStorageEngine.reopen(storage));
        assertThat(restarted.next(issued).counter()).isGreaterThan(issued);
    }
}
