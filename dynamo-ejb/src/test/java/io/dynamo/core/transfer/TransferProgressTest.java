package io.dynamo.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransferProgressTest {

    private static TransferProgress running(long keysSent, long bytesSent, int passKeys, int passKeysDone,
                                            long startedMillis) {
        return new TransferProgress(3, 7, List.of("n5"), false, TransferStatus.RUNNING, keysSent, 0, 0, 4, 0, 0, "",
                startedMillis, bytesSent, passKeys, passKeysDone, startedMillis);
    }

    @Test
    void theRateIsSinceTheTransferFirstRanAndTheTimeLeftIsThePassesRestAtThatRate() {
        TransferProgress t = running(2_000, 1_000_000, 10_000, 2_000, 1_000);

        assertThat(t.keysPerSecond(5_000)).isEqualTo(500.0);
        assertThat(t.bytesPerSecond(5_000)).isEqualTo(250_000.0);
        assertThat(t.millisLeft(5_000)).hasValue(16_000);
    }

    @Test
    void beforeItRanOrBetweenPassesOrOnceDoneNothingIsEstimated() {
        assertThat(running(0, 0, 0, 0, -1).keysPerSecond(5_000)).isZero();
        assertThat(running(0, 0, 100, 0, -1).millisLeft(5_000)).isEmpty();
        assertThat(running(50, 500, 0, 0, 1_000).millisLeft(5_000)).as("between passes").isEmpty();
        TransferProgress done = new TransferProgress(3, 7, List.of("n5"), false, TransferStatus.DONE, 10, 0, 0, 1,
                1, 0, "", 2_000, 100, 10, 10, 1_000);
        assertThat(done.millisLeft(5_000)).isEmpty();
    }
}
