package io.dynamo.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.console.task.SynchronousExecutor;
import io.dynamo.console.testing.FakeCluster;
import org.junit.jupiter.api.Test;

class SiblingsViewModelTest {
    private final FakeCluster cluster = new FakeCluster();
    private final SiblingsViewModel siblings = new SiblingsViewModel(cluster, new SynchronousExecutor());

    @Test
    void showsTheVersionsOfEachReplicaSideBySide() {
        siblings.keyProperty().set("cart:alice");

        siblings.lookUp();

        assertThat(cluster.calls).containsExactly("versions cart:alice");
        assertThat(siblings.copies()).extracting(ReplicaCopy::node).containsExactly("node3", "node2", "node1");
        ReplicaCopy first = siblings.copies().get(0);
        assertThat(first.state()).isEqualTo("up to date");
        assertThat(first.stateStyle()).isEqualTo("health-up");
        assertThat(first.clock()).isEqualTo("{node1.11335dd6:2, node2.89e6ef3d:2}");
        assertThat(first.siblings()).extracting(SiblingItem::value).containsExactly("blue", "green");
        assertThat(siblings.merged()).extracting(SiblingItem::dot)
                .containsExactly("node1.11335dd6:2", "node2.89e6ef3d:2");
        assertThat(siblings.summaryProperty().get()).contains("2 version(s) after merging 3 copies")
                .contains("concurrent siblings");
        assertThat(siblings.resolvableProperty().get()).isTrue();
    }

    @Test
    void showsAReplicaThatDidNotAnswer() {
        cluster.versionsFrom("versions-replica-down.json");
        siblings.keyProperty().set("order:1");

        siblings.lookUp();

        assertThat(siblings.copies()).anySatisfy(copy -> {
            assertThat(copy.node()).isEqualTo("node3");
            assertThat(copy.state()).startsWith("no answer: node node3 is unreachable");
            assertThat(copy.stateStyle()).isEqualTo("health-down");
        });
    }

    @Test
    void resolvesByPickingASiblingAndWritingItWithTheContextOfAFreshRead() {
        siblings.keyProperty().set("cart:alice");
        siblings.lookUp();

        siblings.chosenProperty().set(siblings.merged().get(1));
        assertThat(siblings.resolutionProperty().get()).isEqualTo("green");
        siblings.resolutionProperty().set("blue+green");
        siblings.writeBack();

        assertThat(cluster.calls).containsExactly("versions cart:alice", "read cart:alice",
                "write cart:alice blue+green text/plain ctx-of-read", "versions cart:alice");
        assertThat(siblings.messageProperty().get()).isEqualTo("Wrote the resolution of 'cart:alice'; it supersedes"
                + " the 2 sibling(s) read.");
        assertThat(siblings.errorProperty().get()).isEmpty();
    }

    @Test
    void reportsAFailedWriteWithItsStatusAndDetail() {
        siblings.keyProperty().set("cart:alice");
        siblings.lookUp();
        cluster.failWith(FakeCluster.status(409, "too_many_siblings", "the key has 64 siblings"));

        siblings.writeBack();

        assertThat(siblings.errorProperty().get()).isEqualTo("Request to 127.0.0.1:28080 failed with 409"
                + " too_many_siblings: the key has 64 siblings");
    }

    @Test
    void saysWhatToDoWhenNoNodeAnswers() {
        cluster.failWith(FakeCluster.status(0, "node_unreachable", "Connection refused"));
        siblings.keyProperty().set("k");

        siblings.lookUp();

        assertThat(siblings.errorProperty().get()).startsWith("No node answered").contains("connect to another node");
        assertThat(siblings.copies()).isEmpty();
        assertThat(siblings.resolvableProperty().get()).isFalse();
    }
}
