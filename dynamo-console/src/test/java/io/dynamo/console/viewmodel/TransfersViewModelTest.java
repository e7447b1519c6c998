package io.dynamo.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.TransferBody;
import io.dynamo.api.TransfersBody;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransfersViewModelTest {
    private final TransfersViewModel model = new TransfersViewModel();

    private static TransferBody transfer(int partition, String status, long keysSent, int passKeys, int passDone,
                                         Long millisLeft) {
        return new TransferBody(partition, 4, List.of("node4", "node5"), false, status, keysSent, 0, 0, 3, 0, 0, null,
                0, keysSent * 1_000, passKeys, passDone, keysSent == 0 ? 0 : 250, keysSent * 250.0, millisLeft);
    }

    @Test
    void showsEachNodesUnfinishedTransfersWithProgressRateAndTimeLeft() {
        model.transfersChanged(new TransfersBody("node2", false, List.of(transfer(7, "RUNNING", 2_400, 9_800, 2_400,
                29_600L), transfer(9, "PENDING", 0, 0, 0, null), transfer(3, "DONE", 500, 0, 0, null))));
        model.transfersChanged(new TransfersBody("node1", true, List.of()));

        assertThat(model.transfers()).extracting(TransferRow::source, TransferRow::partition)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("node2", 7),
                        org.assertj.core.groups.Tuple.tuple("node2", 9));
        TransferRow running = model.transfers().get(0);
        assertThat(running.targets()).isEqualTo("node4, node5");
        assertThat(running.bytesSent().text()).isEqualTo("2.3 MiB");
        assertThat(running.pass()).isEqualTo("2,400 / 9,800");
        assertThat(running.rate().text()).isEqualTo("250 keys/s");
        assertThat(running.left()).hasToString("29 s");
        assertThat(model.transfers().get(1).pass()).isEqualTo("—");
        assertThat(model.summaryProperty().get()).isEqualTo("2 partition transfer(s) under way, 1 running (2 nodes"
                + " reporting); 2,400 keys sent so far.");
    }

    @Test
    void aNodeWhoseStreamBrokeKeepsItsRowsMarkedUntilItReportsAgainAndFinishedOnesLeave() {
        model.transfersChanged(new TransfersBody("node2", false, List.of(transfer(7, "RUNNING", 10, 100, 10, 900L))));
        model.sourceUnreachable("node2");
        assertThat(model.transfers().get(0).sourceText()).isEqualTo("node2 (unreachable: as last reported)");

        model.transfersChanged(new TransfersBody("node2", true, List.of(transfer(7, "DONE", 100, 0, 0, null))));
        assertThat(model.transfers()).isEmpty();
        assertThat(model.summaryProperty().get()).isEqualTo("No partitions moving (1 nodes reporting).");
    }
}
