package io.dynamo.core.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WriteQuorumTest {

    @Test
    void oneGroupCountsEveryAcknowledgement() {
        WriteQuorum quorum = new WriteQuorum(2);
        quorum.sent("a");
        quorum.sent("b");
        quorum.sent("c");
        quorum.acked("a");
        assertThat(quorum.reached()).isFalse();
        quorum.failed("b");
        assertThat(quorum.unreachable(0)).isFalse();
        quorum.acked("c");
        assertThat(quorum.reached()).isTrue();
        assertThat(quorum.acks()).isEqualTo(2);
    }

    /** During a ring change: W in the previous ring's replicas and W in the new ring's. */
    @Test
    void twoGroupsEachNeedW() {
        WriteQuorum quorum = new WriteQuorum(2, 0, List.of(Set.of("a", "b", "c"), Set.of("a", "b", "d")));
        List.of("a", "b", "c", "d").forEach(quorum::sent);
        quorum.acked("a");
        quorum.acked("c");
        assertThat(quorum.reached()).as("two of the previous replicas, one of the new").isFalse();
        assertThat(quorum.acks()).isEqualTo(1);
        quorum.acked("d");
        assertThat(quorum.reached()).isTrue();
    }

    /**
     * The previous ring of a change from one node holds one replica: with W=2 its group can never be met. Spares left
     * stand in only for a target that fails, so once every target answered the write is settled, not waiting.
     */
    @Test
    void aWriteWithEveryTargetAnsweredIsSettledWhateverSparesAreLeft() {
        WriteQuorum quorum = new WriteQuorum(2, 0, List.of(Set.of("a"), Set.of("b", "c")));
        List.of("a", "b", "c").forEach(quorum::sent);
        quorum.acked("a");
        quorum.acked("b");
        assertThat(quorum.settledAll()).isFalse();
        quorum.acked("c");
        assertThat(quorum.reached()).isFalse();
        assertThat(quorum.unreachable(1)).as("a spare could still count, were it asked").isFalse();
        assertThat(quorum.settledAll()).isTrue();
        assertThat(quorum.acks()).isEqualTo(1);
    }

    @Test
    void aGroupThatCannotReachWMakesTheWriteUnreachable() {
        WriteQuorum quorum = new WriteQuorum(2, 0, List.of(Set.of("a", "b", "c"), Set.of("a", "d", "e")));
        List.of("a", "b", "c", "d", "e").forEach(quorum::sent);
        quorum.acked("b");
        quorum.acked("c");
        quorum.failed("a");
        quorum.failed("d");
        assertThat(quorum.unreachable(0)).as("only e is left for the new replicas").isTrue();
        assertThat(quorum.unreachable(1)).as("a stand-in could still answer for one of them").isFalse();
    }
}
