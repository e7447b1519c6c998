package io.dynamo.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.HintsBody;
import io.dynamo.console.testing.Recorded;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HintsViewModelTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final HintsViewModel hints = new HintsViewModel(now::get);

    @Test
    void listsTheQueuesOfEveryHolder() {
        hints.hintsChanged(Recorded.read("hints-node1.json", HintsBody.class));
        hints.hintsChanged(Recorded.read("hints-node2.json", HintsBody.class));

        assertThat(hints.queues()).containsExactly(
                new HintQueueRow("node1", "node3", 40, Measure.bytes(1911), Age.of(5990L), true));
        assertThat(hints.queues().get(0).bytes()).hasToString("1.9 KiB");
        assertThat(hints.queues().get(0).oldest()).hasToString("6.0 s");
        assertThat(hints.summaryProperty().get()).startsWith("40 hints waiting in 1 queue(s) (2 nodes reporting");
    }

    @Test
    void chartsTheQueueDrainingAfterItsTargetReturns() {
        hints.hintsChanged(Recorded.read("hints-node1.json", HintsBody.class));
        now.addAndGet(10_000);
        hints.hintsChanged(new HintsBody("node1", 0, 0, 40, List.of()));

        assertThat(hints.history()).containsExactly(new HintPoint("node3", 0, 40), new HintPoint("node3", 10, 40),
                new HintPoint("node3", 10, 0));
        assertThat(hints.queues()).isEmpty();
        assertThat(hints.summaryProperty().get()).isEqualTo("No hints waiting (1 nodes reporting, 40 delivered since"
                + " they started).");
    }

    @Test
    void marksTheQueuesOfAHolderThatStoppedReportingUntilItReportsAgain() {
        hints.hintsChanged(Recorded.read("hints-node1.json", HintsBody.class));

        hints.holderUnreachable("node1");
        assertThat(hints.queues().get(0).live()).isFalse();
        assertThat(hints.queues().get(0).holderText()).isEqualTo("node1 (unreachable: as last reported)");
        assertThat(hints.queues().get(0).count()).isEqualTo(40);

        hints.hintsChanged(Recorded.read("hints-node1.json", HintsBody.class));
        assertThat(hints.queues().get(0).live()).isTrue();
        hints.holderUnreachable("node9"); // never reported: nothing to mark
        assertThat(hints.queues()).hasSize(1);
    }

    @Test
    void keepsOnlyTheLastMinutesInTheChart() {
        hints.hintsChanged(Recorded.read("hints-node1.json", HintsBody.class));
        now.addAndGet(HintsViewModel.WINDOW_MILLIS + 1_000);
        hints.hintsChanged(Recorded.read("hints-node1.json", HintsBody.class));

        assertThat(hints.history()).hasSize(1);
        assertThat(hints.history().get(0).seconds()).isEqualTo(301.0);
    }
}
