package io.dynamo.core.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Ring;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MembershipStateTest {

    @Property(tries = 1000)
    void mergeIsCommutativeAssociativeAndIdempotent(@ForAll long seed) {
        Random random = new Random(seed);
        MembershipState a = States.randomState(random);
        MembershipState b = States.randomState(random);
        MembershipState c = States.randomState(random);
        assertThat(a.merge(b)).isEqualTo(b.merge(a));
        assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
        assertThat(a.merge(a)).isEqualTo(a);
        assertThat(a.merge(b).merge(b)).isEqualTo(a.merge(b));
    }

    @Property(tries = 500)
    void mergeKeepsTheNewerRingAndTheNewerRecordOfEachNode(@ForAll long seed) {
        Random random = new Random(seed);
        MembershipState a = States.randomState(random);
        MembershipState b = States.randomState(random);
        MembershipState m = a.merge(b);
        assertThat(m.ringVersion()).isEqualTo(Math.max(a.ringVersion(), b.ringVersion()));
        assertThat(m.ring().isPresent()).isEqualTo(a.ring().isPresent() || b.ring().isPresent());
        assertThat(m.nodes().keySet()).containsAll(a.nodes().keySet()).containsAll(b.nodes().keySet());
        m.nodes().forEach((id, info) -> {
            a.node(id).ifPresent(x -> assertThat(info.version()).isGreaterThanOrEqualTo(x.version()));
            b.node(id).ifPresent(x -> assertThat(info.version()).isGreaterThanOrEqualTo(x.version()));
        });
    }

    @Test
    void aHigherRingVersionWinsWhateverItsContent() {
        Ring v1 = Ring.initial(8, List.of(Member.of("a"), Member.of("b"), Member.of("c")));
        Ring v2 = Ring.single("a", 8);
        Ring v2b = new Ring(2, 8, v2.members(), v2.owners());
        MembershipState older = MembershipState.of(v1, List.of());
        MembershipState newer = MembershipState.of(v2b, List.of());
        assertThat(older.merge(newer).ring()).contains(v2b);
        assertThat(newer.merge(older).ring()).contains(v2b);
    }

    @Test
    void twoRingsOfOneVersionSettleOnTheSameOneEverywhere() {
        Ring base = Ring.initial(8, List.of(Member.of("a"), Member.of("b")));
        Ring viaC = new Ring(2, 8, List.of(Member.of("a"), Member.of("b"), Member.of("c")),
                List.of("a", "b", "c", "b", "a", "b", "c", "b"));
        Ring viaD = new Ring(2, 8, List.of(Member.of("a"), Member.of("b"), Member.of("d")),
                List.of("a", "b", "d", "b", "a", "b", "d", "b"));
        MembershipState c = MembershipState.of(viaC, List.of());
        MembershipState d = MembershipState.of(viaD, List.of());
        MembershipState start = MembershipState.of(base, List.of());
        assertThat(start.merge(c).merge(d)).isEqualTo(start.merge(d).merge(c));
        // Members compare by id: "d" > "c", so the ring that added d wins on every node.
        assertThat(c.merge(d).ring()).contains(viaD);
    }

    @Test
    void anAbsentRingLosesEveryMerge() {
        Ring ring = Ring.single("a", 4);
        MembershipState known = MembershipState.of(ring, List.of());
        assertThat(MembershipState.EMPTY.merge(known)).isSameAs(known);
        assertThat(known.merge(MembershipState.EMPTY)).isSameAs(known);
        assertThat(MembershipState.EMPTY.ring()).isEmpty();
        assertThat(MembershipState.EMPTY.ringVersion()).isZero();
    }

    @Test
    void recordsOfOneVersionAreSettledByStatusThenAddress() {
        NodeInfo joined = new NodeInfo("a", "http://x", NodeStatus.JOINED, 3);
        NodeInfo leaving = new NodeInfo("a", "", NodeStatus.LEAVING, 3);
        NodeInfo newer = new NodeInfo("a", "", NodeStatus.JOINING, 4);
        assertThat(NodeInfo.newer(joined, leaving)).isEqualTo(leaving);
        assertThat(NodeInfo.newer(leaving, joined)).isEqualTo(leaving);
        assertThat(NodeInfo.newer(leaving, newer)).isEqualTo(newer);
        assertThatThrownBy(() -> NodeInfo.newer(joined, new NodeInfo("b", "", NodeStatus.JOINED, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidRecordsAndDuplicatesAreRefused() {
        assertThatThrownBy(() -> new NodeInfo(" ", "", NodeStatus.JOINED, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NodeInfo("a", "", NodeStatus.JOINED, -1))
                .isInstanceOf(IllegalArgumentException.class);
        NodeInfo a = new NodeInfo("a", "", NodeStatus.JOINED, 1);
        assertThatThrownBy(() -> MembershipState.of(null, List.of(a, a.withStatus(NodeStatus.LEFT))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two records");
    }
}
