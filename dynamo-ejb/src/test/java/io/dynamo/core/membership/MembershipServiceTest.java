package io.dynamo.core.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.InvalidConfigException;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionPlan;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MembershipServiceTest {
    private static final int Q = 16;

    private final InMemoryMembershipStore store = new InMemoryMembershipStore();

    @Test
    void theFirstNodeBootstrapsAOneNodeRing() {
        MembershipService a = MembershipService.open("a", "http://a:8080", Q, 3, true, store);
        assertThat(a.ring()).contains(Ring.single("a", Q).withSettings(RingSettings.majority(3)));
        assertThat(a.state().node("a")).hasValueSatisfying(n -> {
            assertThat(n.status()).isEqualTo(NodeStatus.JOINED);
            assertThat(n.httpAddress()).isEqualTo("http://a:8080");
        });
        assertThat(store.load()).contains(a.state());
        assertThat(a.ringView().get()).isEqualTo(Ring.single("a", Q).withSettings(RingSettings.majority(3)));
    }

    @Test
    void aNodeWithoutStateOrBootstrapHasNoRingUntilItHearsOne() {
        MembershipService b = MembershipService.open("b", "", Q, 3, false, store);
        assertThat(b.ring()).isEmpty();
        assertThat(b.state().node("b").orElseThrow().status()).isEqualTo(NodeStatus.JOINING);
        assertThatThrownBy(() -> b.ringView().get()).isInstanceOf(RingUnknownException.class)
                .hasMessageContaining("seed");
        assertThatThrownBy(() -> b.planJoin(Member.of("c"))).isInstanceOf(RingUnknownException.class);

        MembershipService a = MembershipService.open("a", "", Q, 3, true, new InMemoryMembershipStore());
        b.merge(a.state());
        assertThat(b.ring()).contains(Ring.single("a", Q).withSettings(RingSettings.majority(3)));
        assertThat(b.state().node("b").orElseThrow().status()).isEqualTo(NodeStatus.JOINING);
    }

    @Test
    void aStoredStateWinsOverBootstrapSoARestartNeverForksTheCluster() {
        MembershipService a = MembershipService.open("a", "", Q, 3, true, store);
        a.commit(a.planJoin(Member.of("b")));
        MembershipState before = a.state();

        MembershipService restarted = MembershipService.open("a", "", Q, 3, true, store);
        assertThat(restarted.state()).isEqualTo(before);
        assertThat(restarted.ring().orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aNewAddressIsRecordedWithAHigherVersion() {
        MembershipService.open("a", "http://old", Q, 3, true, store);
        MembershipService moved = MembershipService.open("a", "http://new", Q, 3, true, store);
        NodeInfo self = moved.state().node("a").orElseThrow();
        assertThat(self.httpAddress()).isEqualTo("http://new");
        assertThat(self.version()).isGreaterThan(1);
    }

    @Test
    void aStoredRingOfAnotherQIsAConfigurationError() {
        MembershipService.open("a", "", Q, 3, true, store);
        assertThatThrownBy(() -> MembershipService.open("a", "", Q * 2, 3, true, store))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("Q=" + Q);
    }

    @Test
    void gossipFromAClusterOfAnotherQIsRefused() {
        MembershipService a = MembershipService.open("a", "", Q, 3, true, store);
        MembershipService other = MembershipService.open("x", "", Q * 2, 3, true, new InMemoryMembershipStore());
        assertThatThrownBy(() -> a.merge(other.state())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another cluster");
        assertThat(a.ring()).contains(Ring.single("a", Q).withSettings(RingSettings.majority(3)));
    }

    @Test
    void commitAppliesThePlanAndMarksJoinedAndLeavingNodes() {
        MembershipService a = MembershipService.open("a", "", Q, 3, true, store);
        List<String> changes = new ArrayList<>();
        a.onRingChange((before, after) -> changes.add(before.map(r -> "v" + r.version()).orElse("-") + "->v"
                + after.version()));

        PartitionPlan join = a.planJoin(Member.of("b"));
        assertThat(a.ring().orElseThrow().version()).as("planning changes nothing").isEqualTo(1);
        a.commit(join);
        assertThat(a.ring().orElseThrow().sameLayout(join.to())).isTrue();
        assertThat(a.ring().orElseThrow().handover().orElseThrow().previous()).isEqualTo(join.from());
        assertThat(a.state().node("b").orElseThrow().status()).as("until b hears of it").isEqualTo(NodeStatus.JOINING);
        MembershipService b = MembershipService.open("b", "", Q, 3, false, new InMemoryMembershipStore());
        a.merge(b.merge(a.state()));
        assertThat(a.state().node("b").orElseThrow().status()).isEqualTo(NodeStatus.JOINED);
        assertThatThrownBy(() -> a.commit(a.planLeave("b"))).as("one change at a time")
                .isInstanceOf(RingChangingException.class).hasMessageContaining("ring v2 is still being handed over");
        States.finishChange(a);

        a.commit(a.planLeave("b"));
        assertThat(a.ring().orElseThrow().members()).extracting(Member::nodeId).containsExactly("a");
        assertThat(a.state().node("b").orElseThrow().status()).isEqualTo(NodeStatus.LEAVING);
        assertThat(changes).containsExactly("v1->v2", "v2->v2", "v2->v2", "v2->v3");
        assertThat(store.load()).contains(a.state());
    }

    @Test
    void aStalePlanIsRefusedAndNothingChanges() {
        MembershipService a = MembershipService.open("a", "", Q, 3, true, store);
        PartitionPlan joinB = a.planJoin(Member.of("b"));
        PartitionPlan joinC = a.planJoin(Member.of("c"));
        a.commit(joinB);
        States.finishChange(a);
        MembershipState after = a.state();

        assertThatThrownBy(() -> a.commit(joinC)).isInstanceOf(StalePlanException.class)
                .hasMessageContaining("ring v1").hasMessageContaining("now has ring v2")
                .hasMessageContaining("plan again")
                .satisfies(e -> assertThat(((StalePlanException) e).currentVersion()).isEqualTo(2));
        assertThat(a.state()).isEqualTo(after);
        States.finishChange(a);
        a.commit(a.planJoin(Member.of("c")));
        assertThat(a.ring().orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void aPlanFromARingThatLostATieIsRefusedToo() {
        MembershipService a = MembershipService.open("a", "", Q, 3, true, store);
        MembershipService copy = MembershipService.open("z", "", Q, 3, false, new InMemoryMembershipStore());
        copy.merge(a.state());
        PartitionPlan viaB = a.planJoin(Member.of("b"));
        PartitionPlan viaD = copy.planJoin(Member.of("d"));
        a.commit(viaB);
        copy.commit(viaD);
        a.merge(copy.state());
        // Same version; the ring that added "d" ranks higher.
        assertThat(a.ring().orElseThrow().sameLayout(viaD.to())).isTrue();
        States.finishChange(a);
        assertThatThrownBy(() -> a.commit(new PartitionPlan(viaB.to(), a.planJoin(Member.of("c")).to(), List.of())))
                .isInstanceOf(StalePlanException.class).hasMessageContaining("same version");
    }

    @Test
    void aLeavingNodeMarksItselfLeftOnceOutOfTheRing() {
        MembershipService a = MembershipService.open("a", "", Q, 3, true, store);
        assertThat(a.markLeft()).isFalse();
        MembershipService b = MembershipService.open("b", "", Q, 3, false, new InMemoryMembershipStore());
        b.merge(a.state());
        assertThat(b.markLeft()).as("never joined").isFalse();
        a.commit(a.planJoin(Member.of("b")));
        b.merge(a.state());
        assertThat(b.state().node("b").orElseThrow().status()).isEqualTo(NodeStatus.JOINED);
        States.finishChange(a);
        a.commit(a.planLeave("b"));
        b.merge(a.state());
        assertThat(b.state().node("b").orElseThrow().status()).isEqualTo(NodeStatus.LEAVING);
        assertThat(b.markLeft()).as("still a holder while the change is handed over").isFalse();
        States.finishChange(b);
        assertThat(b.markLeft()).isTrue();
        assertThat(b.state().node("b").orElseThrow().status()).isEqualTo(NodeStatus.LEFT);
        assertThat(b.markLeft()).isTrue();
        a.merge(b.state());
        assertThat(a.state().node("b").orElseThrow().status()).isEqualTo(NodeStatus.LEFT);
    }

    @Test
    void listenersHearOfTheFirstRingAndAFailingListenerHarmsNobody() {
        MembershipService b = MembershipService.open("b", "", Q, 3, false, store);
        List<Optional<Ring>> befores = new ArrayList<>();
        b.onRingChange((before, after) -> {
            throw new IllegalStateException("boom");
        });
        b.onRingChange((before, after) -> befores.add(before));
        b.merge(MembershipService.open("a", "", Q, 3, true, new InMemoryMembershipStore()).state());
        assertThat(befores).containsExactly(Optional.empty());
        int saves = store.saveCount();
        b.merge(b.state());
        assertThat(store.saveCount()).as("nothing new, nothing saved").isEqualTo(saves);
    }

    @Test
    void aStoredRingKeepingOtherSettingsWinsOverTheNodesOwn() {
        InMemoryMembershipStore store = new InMemoryMembershipStore();
        MembershipService.open("a", "", Q, new RingSettings(3, 2, 2), true, store);
        MembershipService again = MembershipService.open("a", "", Q, new RingSettings(2, 1, 2), true, store);
        assertThat(again.settings()).isEqualTo(new RingSettings(3, 2, 2));
        assertThat(again.replicas()).isEqualTo(3);
    }

    @Test
    void aGossipedRingKeepingOtherSettingsIsTakenWithItsSettings() {
        MembershipService a = MembershipService.open("a", "", Q, new RingSettings(3, 2, 2), true,
                new InMemoryMembershipStore());
        MembershipService b = MembershipService.open("b", "", Q, new RingSettings(3, 1, 3), false,
                new InMemoryMembershipStore());
        assertThat(b.settings()).as("its own while it knows no ring").isEqualTo(new RingSettings(3, 1, 3));
        b.merge(a.state());
        assertThat(b.ring()).isEqualTo(a.ring());
        assertThat(b.settings()).isEqualTo(new RingSettings(3, 2, 2));
    }

    @Test
    void aRingOfAnOlderReleaseWithoutSettingsGetsTheCommittingNodesAtItsNextChange() {
        InMemoryMembershipStore store = new InMemoryMembershipStore();
        store.save(MembershipState.of(Ring.single("a", Q), List.of(new NodeInfo("a", "", NodeStatus.JOINED, 1),
                new NodeInfo("b", "", NodeStatus.JOINING, 1))));
        MembershipService a = MembershipService.open("a", "", Q, new RingSettings(3, 2, 2), false, store);
        assertThat(a.ring().orElseThrow().settings()).as("kept as it was until a change").isEmpty();
        a.commit(a.planJoin(Member.of("b")));
        assertThat(a.ring().orElseThrow().settings()).contains(new RingSettings(3, 2, 2));
    }
}
