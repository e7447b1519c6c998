package io.dynamo.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerLatenciesTest {
    private final PeerLatencies latencies = new PeerLatencies();

    @Test
    void eachPeerHasItsOwnLatenciesAndMisses() {
        latencies.answered("b", 300);
        latencies.answered("b", 40_000);
        latencies.missed("b");
        latencies.answered("c", 100);

        PeerLatencies.Snapshot b = latencies.snapshot().get("b");
        assertThat(b.latencyMicros().count()).isEqualTo(2);
        assertThat(b.latencyMicros().sum()).isEqualTo(40_300);
        assertThat(b.latencyMicros().cumulative(0)).as("le=0.25 ms").isZero();
        assertThat(b.latencyMicros().cumulative(1)).as("le=0.5 ms").isEqualTo(1);
        assertThat(b.missed()).isEqualTo(1);
        assertThat(latencies.snapshot().get("c").latencyMicros().count()).isEqualTo(1);
    }

    @Test
    void theListenerHearsOfEachPeerOnceAndMemoryStopsAtTheCap() {
        List<String> told = new ArrayList<>();
        latencies.onNewPeer(told::add);
        latencies.answered("b", 1);
        latencies.missed("b");
        assertThat(told).containsExactly("b");

        for (int i = 0; i < PeerLatencies.MAX_PEERS + 10; i++) {
            latencies.missed("peer-" + i);
        }
        assertThat(latencies.snapshot()).hasSize(PeerLatencies.MAX_PEERS);
        assertThat(told).hasSize(PeerLatencies.MAX_PEERS);
        latencies.answered("b", 1);
        assertThat(latencies.snapshot().get("b").latencyMicros().count()).as("a peer already tracked still counts")
                .isEqualTo(2);
    }
}
