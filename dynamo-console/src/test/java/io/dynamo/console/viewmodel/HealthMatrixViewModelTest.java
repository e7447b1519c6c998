package io.dynamo.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.HealthBody;
import io.dynamo.api.NodeBody;
import io.dynamo.api.NodesBody;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthMatrixViewModelTest {
    private final HealthMatrixViewModel matrix = new HealthMatrixViewModel();

    /** A node's view: itself up, then each other node with the health it sees. */
    static NodesBody view(String observer, String... othersAndHealth) {
        List<NodeBody> nodes = new java.util.ArrayList<>();
        nodes.add(node(observer, true, "UP"));
        for (int i = 0; i < othersAndHealth.length; i += 2) {
            nodes.add(node(othersAndHealth[i], false, othersAndHealth[i + 1]));
        }
        return new NodesBody(observer, 3, nodes);
    }

    private static NodeBody node(String id, boolean self, String reachability) {
        return new NodeBody(id, self, "JOINED", "", true, 1, 85, 10L,
                new HealthBody(reachability, null, null, null, 0));
    }

    @Test
    void eachObserversViewIsARowAndTheirDisagreementsAreNamed() {
        matrix.observed(view("node1", "node2", "UP", "node3", "DOWN"));
        matrix.observed(view("node2", "node1", "UP", "node3", "SUSPECT"));

        assertThat(matrix.nodes()).containsExactly("node1", "node2", "node3");
        assertThat(matrix.cells()).extracting(MatrixCell::observer, MatrixCell::observed, MatrixCell::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("node1", "node1", "self"),
                        org.assertj.core.groups.Tuple.tuple("node1", "node2", "up"),
                        org.assertj.core.groups.Tuple.tuple("node1", "node3", "down"),
                        org.assertj.core.groups.Tuple.tuple("node2", "node1", "up"),
                        org.assertj.core.groups.Tuple.tuple("node2", "node2", "self"),
                        org.assertj.core.groups.Tuple.tuple("node2", "node3", "suspect"));
        assertThat(matrix.summaryProperty().get()).isEqualTo("2 of 3 nodes reporting their view. node1 sees node3"
                + " down; node2 sees node3 suspect.");
    }

    @Test
    void aNodeAnObserverHasNoOpinionOfSaysSoAndAllUpIsSaidPlainly() {
        matrix.observed(view("node1", "node2", "UP"));
        matrix.observed(view("node2", "node1", "UP", "node3", "UP"));

        assertThat(matrix.cells()).filteredOn(c -> c.observer().equals("node1") && c.observed().equals("node3"))
                .singleElement().satisfies(c -> {
                    assertThat(c.reachability()).isEqualTo(Reachability.UNKNOWN);
                    assertThat(c.text()).isEqualTo("no opinion");
                });
        assertThat(matrix.summaryProperty().get()).endsWith("Every node reporting sees every other up.");
    }

    @Test
    void anObserverWhoseStreamBrokeIsStaleUntilItReportsAgain() {
        matrix.observed(view("node1", "node2", "UP"));
        matrix.observerUnreachable("node1");

        assertThat(matrix.cells()).allSatisfy(c -> assertThat(c.live()).isFalse());
        assertThat(matrix.cells().get(1).text()).isEqualTo("up (stale)");
        assertThat(matrix.summaryProperty().get()).contains("Not live (stream broken): node1.");

        matrix.observed(view("node1", "node2", "DOWN"));
        assertThat(matrix.cells().get(1).text()).isEqualTo("down");
    }
}
