package io.dynamo.jaxrs.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.MoveBody;
import io.dynamo.api.PartitionCountBody;
import io.dynamo.api.PlanBody;
import io.dynamo.api.PlanChangeBody;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingChange;
import io.dynamo.core.ring.RingTransition;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanViewsTest {
    private final Ring ring = Ring.initial(16, List.of(Member.of("a"), Member.of("b")));

    @Test
    void aJoinShowsItsMovesAndTheCountsBeforeAndAfter() {
        PartitionPlan plan = RingTransition.join(ring, Member.of("c"));

        PlanBody body = PlanViews.of("a", PlanViews.JOIN, "c", 1, plan, false);

        assertThat(body.operation()).isEqualTo("join");
        assertThat(body.committed()).isFalse();
        assertThat(body.fromVersion()).isEqualTo(ring.version());
        assertThat(body.toVersion()).isEqualTo(ring.version() + 1);
        assertThat(body.moves()).hasSize(plan.moves().size()).allSatisfy(m -> assertThat(m.to()).isEqualTo("c"));
        assertThat(body.moves()).extracting(MoveBody::partition).isSorted();
        assertThat(body.counts()).containsExactly(new PartitionCountBody("a", 8, plan.to().counts().get("a")),
                new PartitionCountBody("b", 8, plan.to().counts().get("b")), new PartitionCountBody("c", 0, 5));
    }

    @Test
    void aLeaveCountsTheLeaverAtZeroAfter() {
        PlanBody body = PlanViews.of("a", PlanViews.LEAVE, "b", null, RingTransition.leave(ring, "b"), true);

        assertThat(body.weight()).isNull();
        assertThat(body.committed()).isTrue();
        assertThat(body.moves()).hasSize(8).allSatisfy(m -> assertThat(m.from()).isEqualTo("b"));
        assertThat(body.counts()).containsExactly(new PartitionCountBody("a", 8, 16),
                new PartitionCountBody("b", 8, 0));
    }

    @Test
    void aPlanOfSeveralChangesListsThemAndNamesNoSingleNode() {
        Ring three = Ring.initial(16, List.of(Member.of("a"), Member.of("b"), Member.of("c")));
        PartitionPlan plan = RingTransition.plan(three, List.of(RingChange.join("d", 2), RingChange.replace("b", "e")));

        PlanBody body = PlanViews.of("a", PlanViews.PLAN, plan, false);

        assertThat(body.operation()).isEqualTo("plan");
        assertThat(body.node()).isNull();
        assertThat(body.changes()).containsExactly(PlanChangeBody.of("join", "d", 2, null),
                PlanChangeBody.of("replace", "b", null, "e"));
        assertThat(body.toVersion()).isEqualTo(three.version() + 1);
        assertThat(PlanViews.of("a", PlanViews.REPLACE, RingTransition.plan(three,
                List.of(RingChange.replace("b", "e"))), true).node()).isEqualTo("b");
    }
}
