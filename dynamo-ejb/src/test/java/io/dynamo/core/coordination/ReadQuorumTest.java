package io.dynamo.core.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** R counted on its own: when a read may answer, when it can no longer, and when read repair may start. */
class ReadQuorumTest {
    static final SiblingSet OLD = SiblingSet.EMPTY.put(Context.EMPTY, new Dot("a.1", 1), text("old"), 1, 10);
    static final SiblingSet NEW = OLD.put(OLD.context(), new Dot("b.1", 1), text("new"), 2, 10);

    private static final Target A = Target.replica("a");
    private static final Target B = Target.replica("b");
    private static final Target C = Target.replica("c");

    @Test
    void itIsReachedOnlyWithRAnswersAndMergesThemAll() {
        ReadQuorum quorum = sent(2, 3);
        quorum.answered(A, OLD);
        assertThat(quorum.reached()).as("one answer of two").isFalse();
        quorum.answered(B, NEW);
        assertThat(quorum.reached()).isTrue();
        assertThat(quorum.merged()).isEqualTo(NEW);
        assertThat(quorum.answers()).containsOnlyKeys(A, B).containsEntry(A, OLD).containsEntry(B, NEW);
    }

    @Test
    void failuresDoNotCount() {
        ReadQuorum quorum = sent(2, 3);
        quorum.answered(A, OLD);
        quorum.failed();
        assertThat(quorum.reached()).isFalse();
        assertThat(quorum.answeredCount()).isEqualTo(1);
    }

    @Test
    void itIsUnreachableOnceAnswersOutstandingRequestsAndSparesCannotMakeR() {
        ReadQuorum quorum = sent(3, 3);
        quorum.answered(A, OLD);
        quorum.failed();
        assertThat(quorum.unreachable(0)).as("1 answer + 1 outstanding < 3").isTrue();
        assertThat(quorum.unreachable(1)).as("a spare could still make 3").isFalse();
        quorum.answered(C, OLD);
        assertThat(quorum.unreachable(0)).isTrue();
        assertThat(quorum.reached()).isFalse();
    }

    @Test
    void repairIsClaimedOnceAndOnlyAfterEveryRequestSettled() {
        ReadQuorum quorum = sent(1, 2);
        quorum.answered(A, OLD);
        assertThat(quorum.reached()).isTrue();
        assertThat(quorum.claimRepair()).as("b has not answered yet").isFalse();
        quorum.answered(B, NEW);
        assertThat(quorum.settled()).isTrue();
        assertThat(quorum.claimRepair()).isTrue();
        assertThat(quorum.claimRepair()).isFalse();
    }

    private static ReadQuorum sent(int r, int requests) {
        ReadQuorum quorum = new ReadQuorum(r);
        for (int i = 0; i < requests; i++) {
            quorum.sent();
        }
        return quorum;
    }

    static Value text(String s) {
        return Value.of(s.getBytes(StandardCharsets.UTF_8), "text/plain");
    }
}
