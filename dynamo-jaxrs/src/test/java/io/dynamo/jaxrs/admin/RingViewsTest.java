package io.dynamo.jaxrs.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.KeyPlacementBody;
import io.dynamo.api.MemberBody;
import io.dynamo.api.PlacementBody;
import io.dynamo.api.RingBody;
import io.dynamo.core.base.Key;
import io.dynamo.core.node.KeyPlacement;
import io.dynamo.core.node.NodeConfig;
import io.dynamo.core.peer.FailureDetector;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Partitioner;
import io.dynamo.core.ring.PreferenceList;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.time.Scheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RingViewsTest {
    private static final long NOW = 1_000_000;
    private final Ring ring = Ring.initial(16, List.of(Member.of("a"), new Member("b", 2), Member.of("c"),
            Member.of("d")));
    private final FailureDetector detector = new FailureDetector(fixedClock());

    @Test
    void theRingListsMembersWithTheirShareAndEveryOwner() {
        NodeConfig config = NodeConfig.defaults("a", Path.of("unused"));

        RingBody body = RingViews.ring("a", config, ring);

        assertThat(body.answeredBy()).isEqualTo("a");
        assertThat(body.version()).isEqualTo(ring.version());
        assertThat(body.partitions()).isEqualTo(16);
        assertThat(body.replicas()).isEqualTo(3);
        assertThat(body.owners()).isEqualTo(ring.owners());
        assertThat(body.members()).extracting(MemberBody::node).containsExactly("a", "b", "c", "d");
        MemberBody b = body.members().get(1);
        assertThat(b.weight()).isEqualTo(2);
        assertThat(b.partitions()).isEqualTo(ring.partitionsOf("b").size()).isEqualTo(7);
        assertThat(b.share()).isEqualTo(7 / 16.0);
        assertThat(body.members().stream().mapToInt(MemberBody::partitions).sum()).isEqualTo(16);
    }

    @Test
    void aKeyIsPlacedByItsMd5WithItsPreferenceList() {
        Key key = Key.of("user:42");
        KeyPlacementBody body = RingViews.placement("a", KeyPlacement.of("a", 2, ring, key, detector), NOW);

        byte[] md5 = Partitioner.md5(key.bytes());
        assertThat(body.position()).isEqualTo(HexFormat.of().formatHex(md5)).hasSize(32);
        assertThat(body.partition()).isEqualTo(ring.partitioner().partitionOf(md5));
        PreferenceList list = ring.preferenceList(body.partition(), 2);
        assertThat(body.replicas()).extracting(PlacementBody::node).isEqualTo(list.replicas());
        assertThat(body.fallbacks()).extracting(PlacementBody::node).isEqualTo(list.fallbacks());
        assertThat(body.replicas()).extracting(PlacementBody::standIn).containsOnlyNulls();
        assertThat(body.replicas()).allSatisfy(p -> assertThat(p.health().reachability()).isEqualTo("UP"));
        assertThat(body.replicas()).allSatisfy(p -> assertThat(p.self()).isEqualTo(p.node().equals("a")));
        assertThat(body.fallbacks()).allSatisfy(p -> assertThat(p.self()).isEqualTo(p.node().equals("a")));
    }

    @Test
    void aReplicaRoutedAroundNamesTheFallbackStandingInAndItsHealth() {
        Key key = Key.of("user:42");
        int partition = ring.partitioner().partitionOfKey(key.bytes());
        PreferenceList list = ring.preferenceList(partition, 2);
        String down = list.replicas().get(1);
        String observer = list.fallbacks().get(1);
        detector.answered(down, 12);
        detector.missed(down);

        KeyPlacementBody body = RingViews.placement(observer, KeyPlacement.of(observer, 2, ring, key, detector),
                NOW + 500);

        PlacementBody replica = body.replicas().get(1);
        assertThat(replica.node()).isEqualTo(down);
        assertThat(replica.standIn()).isEqualTo(list.fallbacks().get(0));
        assertThat(replica.health().reachability()).isEqualTo("SUSPECT");
        assertThat(replica.health().consecutiveFailures()).isEqualTo(1);
        assertThat(replica.health().lastContactMillis()).isEqualTo(NOW);
        assertThat(replica.health().lastContactAgeMillis()).isEqualTo(500);
        assertThat(replica.health().rttMillis()).isEqualTo(12.0);
        assertThat(body.fallbacks().get(1).self()).isTrue();
        assertThat(body.fallbacks().get(1).health()).isEqualTo(HealthViews.SELF);
    }

    private static Scheduler fixedClock() {
        return new Scheduler() {
            @Override
            public long nowMillis() {
                return NOW;
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                throw new UnsupportedOperationException("not in this test");
            }
        };
    }
}
