package io.dynamo.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.NodesBody;
import io.dynamo.console.testing.Recorded;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodesViewModelTest {
    private final NodesViewModel nodes = new NodesViewModel();

    @Test
    void showsEachNodesHealthAsTheAnsweringNodeSeesIt() {
        nodes.healthChanged(Recorded.read("nodes-node3-down.json", NodesBody.class));

        assertThat(nodes.rows()).extracting(NodeRow::node).containsExactly("node1", "node2", "node3");
        NodeRow down = nodes.rows().get(2);
        assertThat(down.health()).isEqualTo(Reachability.DOWN);
        assertThat(down.health().styleClass()).isEqualTo("health-down");
        assertThat(down.lastContact()).hasToString("7.2 s");
        assertThat(down.rtt()).hasToString("7.5 ms");
        assertThat(down.failures()).isEqualTo(20);
        assertThat(down.partitions()).isEqualTo(85);
        assertThat(down.keysStored()).hasToString("32");
        NodeRow self = nodes.rows().get(0);
        assertThat(self.self()).isTrue();
        assertThat(self.lastContact()).hasToString("—");
        assertThat(self.status()).isEqualTo("JOINED");
        assertThat(nodes.summaryProperty().get()).isEqualTo("3 nodes: 2 up, 0 suspect, 1 down, as node1 sees them (ring v3)");
    }

    @Test
    void replacesTheRowsOnEveryHealthEvent() {
        nodes.healthChanged(Recorded.read("nodes-node3-down.json", NodesBody.class));
        nodes.healthChanged(Recorded.read("nodes.json", NodesBody.class));

        assertThat(nodes.rows()).hasSize(3).allMatch(r -> r.health() == Reachability.UP);
    }

    @Test
    void columnsSortByValueWithUnknownFirst() {
        nodes.healthChanged(Recorded.read("nodes-node3-down.json", NodesBody.class));
        List<NodeRow> rows = new ArrayList<>(nodes.rows());

        rows.sort(Comparator.comparing(NodeRow::rtt));
        assertThat(rows).extracting(NodeRow::node).containsExactly("node1", "node2", "node3");
        rows.sort(Comparator.comparing(NodeRow::lastContact).reversed());
        assertThat(rows.get(0).node()).isEqualTo("node3");
        rows.sort(Comparator.comparing(NodeRow::health).reversed());
        assertThat(rows.get(0).node()).isEqualTo("node3");
    }
}
