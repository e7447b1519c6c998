package io.dynamo.jaxrs.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.HealthBody;
import io.dynamo.api.HintQueueBody;
import io.dynamo.api.HintsBody;
import io.dynamo.api.MemberBody;
import io.dynamo.api.NodeBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.RingBody;
import io.dynamo.api.TransferBody;
import io.dynamo.api.TransfersBody;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventChangesTest {
    private final EventChanges changes = new EventChanges();

    @Test
    void theFirstSnapshotReportsEverythingThenOnlyChanges() {
        assertThat(changes.changed(snapshot(1, "UP", 5_000, 2, 100))).containsExactly("ring", "health", "hints",
                "transfers");
        assertThat(changes.changed(snapshot(1, "UP", 5_000, 2, 100))).isEmpty();
        assertThat(changes.changed(snapshot(2, "UP", 5_000, 2, 100))).containsExactly("ring");
        assertThat(changes.changed(snapshot(2, "SUSPECT", 5_000, 2, 100))).containsExactly("health");
        assertThat(changes.changed(snapshot(2, "SUSPECT", 5_000, 3, 100))).containsExactly("hints");
    }

    @Test
    void agesAndRoundTripTimesAloneAreNoChange() {
        changes.changed(snapshot(1, "UP", 5_000, 2, 100));

        assertThat(changes.changed(snapshot(1, "UP", 9_000, 2, 900))).isEmpty();
    }

    @Test
    void aRememberedSnapshotIsNotReportedAgain() {
        changes.remember(snapshot(1, "UP", 0, 0, 0));

        assertThat(changes.changed(snapshot(1, "UP", 0, 0, 0))).isEmpty();
        changes.forget();
        assertThat(changes.changed(snapshot(1, "UP", 0, 0, 0))).hasSize(4);
    }

    @Test
    void noRingNoRingEvent() {
        AdminSnapshot known = snapshot(1, "UP", 0, 0, 0);
        AdminSnapshot unknown = new AdminSnapshot(null, known.nodes(), known.hints(), known.transfers());

        assertThat(changes.changed(unknown)).containsExactly("health", "hints", "transfers");
        assertThat(unknown.bodies()).containsOnlyKeys("health", "hints", "transfers");
    }

    @Test
    void aTransferThatMovesOnIsAChangeButItsRatesAloneAreNot() {
        changes.changed(withTransfer(100, 5.0));

        assertThat(changes.changed(withTransfer(100, 9.0))).as("the rate moves with the clock").isEmpty();
        assertThat(changes.changed(withTransfer(300, 9.0))).containsExactly("transfers");
    }

    private static AdminSnapshot withTransfer(long keysSent, double rate) {
        AdminSnapshot s = snapshot(1, "UP", 0, 0, 0);
        return new AdminSnapshot(s.ring(), s.nodes(), s.hints(), new TransfersBody("a", false, List.of(
                new TransferBody(2, 1, List.of("b"), false, "RUNNING", keysSent, 0, 0, 1, 0, 0, null, 0, keysSent * 100,
                        1_000, (int) keysSent, rate, rate * 100, 1_000L))));
    }

    /** @param age stands for everything that changes all the time: contact ages, round-trip times, hint ages */
    private static AdminSnapshot snapshot(long ringVersion, String reachability, long age, long hints, long hintAge) {
        RingBody ring = new RingBody("a", ringVersion, 4, 1, 1, 1, List.of(new MemberBody("a", 1, 4, 1.0)),
                List.of("a", "a", "a", "a"), null);
        NodesBody nodes = new NodesBody("a", ringVersion, List.of(
                new NodeBody("b", false, "JOINED", "h:1", true, 1, 2, 10L,
                        new HealthBody(reachability, 1L, age, age / 1000.0, 0))));
        HintsBody hintsBody = new HintsBody("a", hints, hints * 10, 0,
                List.of(new HintQueueBody("b", hints, hints * 10, 77L, hintAge)));
        return new AdminSnapshot(ring, nodes, hintsBody, new TransfersBody("a", true, List.of()));
    }
}
