package io.dynamo.core.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplicaReadLatencyTest {
    private final ReplicaReadLatency latency = new ReplicaReadLatency(Duration.ofSeconds(2));

    @Test
    void beforeAnyMeasurementTheDelayIsATenthOfTheTimeout() {
        assertThat(latency.speculativeDelayMillis()).isEqualTo(200);
    }

    @Test
    void theDelayIsThe99thPercentileOfRecentReads() {
        for (int i = 1; i <= ReplicaReadLatency.SAMPLES; i++) {
            latency.record(i % 100 == 0 ? 400 : 20);
        }
        // 5 of 512 samples at 400 ms: under 1%, so the 99th percentile is 20 ms.
        assertThat(latency.speculativeDelayMillis()).isEqualTo(20);
        for (int i = 0; i < ReplicaReadLatency.SAMPLES; i++) {
            latency.record(i % 50 == 0 ? 400 : 20);
        }
        // 11 of 512 at 400 ms: over 1%.
        assertThat(latency.speculativeDelayMillis()).isEqualTo(400);
    }

    @Test
    void theDelayStaysBetweenItsFloorAndHalfTheTimeout() {
        for (int i = 0; i < ReplicaReadLatency.RECOMPUTE_EVERY; i++) {
            latency.record(0);
        }
        assertThat(latency.speculativeDelayMillis()).isEqualTo(ReplicaReadLatency.MIN_DELAY_MILLIS);
        for (int i = 0; i < ReplicaReadLatency.SAMPLES; i++) {
            latency.record(60_000);
        }
        assertThat(latency.speculativeDelayMillis()).isEqualTo(1_000);
    }

    @Test
    void onlyTheLastSamplesCount() {
        for (int i = 0; i < ReplicaReadLatency.SAMPLES; i++) {
            latency.record(900);
        }
        for (int i = 0; i < ReplicaReadLatency.SAMPLES; i++) {
            latency.record(30);
        }
        assertThat(latency.speculativeDelayMillis()).isEqualTo(30);
    }
}
