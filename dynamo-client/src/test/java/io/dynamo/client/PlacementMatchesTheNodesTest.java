package io.dynamo.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.api.MemberBody;
import io.dynamo.api.RingBody;
import io.dynamo.core.base.Key;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingTransition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The client places keys with its own copy of the ring's rules ({@link Placement}); the nodes with
 * {@link Ring#preferenceList}. For many random rings (Q, member counts and weights, after joins and leaves, Q below
 * the member count included) and random keys the two must name the same nodes in the same order.
 */
class PlacementMatchesTheNodesTest {
    private static final int[] QS = {1, 2, 4, 8, 64, 256, 1024};

    @Test
    void theClientsPreferenceListsAreTheNodes() {
        Random random = new Random(20_15);
        int rings = 0;
        for (int round = 0; round < 120; round++) {
            int q = QS[random.nextInt(QS.length)];
            List<Member> members = new ArrayList<>();
            int count = 1 + random.nextInt(q <= 2 ? 4 : 9);
            for (int i = 0; i < count; i++) {
                members.add(new Member("node-" + Integer.toString(random.nextInt(1_000), 36) + "-" + i,
                        1 + random.nextInt(4)));
            }
            Ring ring = Ring.initial(q, members);
            for (int change = 0; change < 4; change++) {
                checkKeys(ring, 1 + random.nextInt(5), random);
                rings++;
                ring = change(ring, random, change);
            }
        }
        assertThat(rings).isEqualTo(480);
    }

    @Test
    void aKeysPartitionIsWhereItsHashFallsOnTheRing() {
        Ring ring = Ring.initial(16, List.of(Member.of("a"), Member.of("b")));
        Placement placement = Placement.of(body(ring, 2));
        for (String key : new String[] {"a", "k", "cart:alice", "日本語", ""}) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            assertThat(placement.partitionOf(RingPosition.of(bytes))).as(key).isEqualTo(ring.partitioner().partitionOfKey(bytes));
        }
    }

    @Test
    void aNamespacedKeySitsWhereTheNodesPutIt() {
        Random random = new Random(7);
        Ring ring = Ring.initial(64, List.of(Member.of("a"), Member.of("b"), Member.of("c")));
        Placement placement = Placement.of(body(ring, 3));
        for (String namespace : new String[] {"carts", "s", "日本", "x".repeat(255), "default"}) {
            for (int k = 0; k < 200; k++) {
                byte[] bytes = new byte[1 + random.nextInt(24)];
                random.nextBytes(bytes);
                Key key = Key.in(namespace, bytes);
                assertThat(RingPosition.in(namespace, bytes)).as("%s in %s", key, namespace).isEqualTo(key.md5());
                int partition = ring.partitioner().partitionOf(key.md5());
                assertThat(placement.preferenceList(RingPosition.in(namespace, bytes)))
                        .isEqualTo(ring.preferenceList(partition, 3).all());
            }
        }
        // The same key in two namespaces: two positions (with Q=64 most such pairs fall in different partitions).
        long apart = IntStream.range(0, 100).filter(i -> placement.partitionOf(
                RingPosition.in("carts", ("k" + i).getBytes(StandardCharsets.UTF_8))) != placement.partitionOf(
                RingPosition.of(("k" + i).getBytes(StandardCharsets.UTF_8)))).count();
        assertThat(apart).isGreaterThan(90);
    }

    private static Ring change(Ring ring, Random random, int step) {
        boolean leave = ring.members().size() > 1 && random.nextBoolean();
        if (leave) {
            List<Member> members = new ArrayList<>(ring.members());
            Collections.shuffle(members, random);
            return RingTransition.leave(ring, members.get(0).nodeId()).to();
        }
        Member newcomer = new Member("joined-" + step + "-" + random.nextInt(1_000), 1 + random.nextInt(4));
        return RingTransition.join(ring, newcomer).to();
    }

    private static void checkKeys(Ring ring, int n, Random random) {
        Placement placement = Placement.of(body(ring, n));
        for (int k = 0; k < 200; k++) {
            byte[] key = new byte[1 + random.nextInt(24)];
            random.nextBytes(key);
            int partition = ring.partitioner().partitionOfKey(key);
            assertThat(placement.partitionOf(RingPosition.of(key))).isEqualTo(partition);
            assertThat(placement.preferenceList(RingPosition.of(key))).as("%s n=%d partition %d", ring, n, partition)
                    .isEqualTo(ring.preferenceList(partition, n).all());
        }
    }

    /** The ring as GET admin/ring answers it (members in an order of their own: the client must not rely on it). */
    private static RingBody body(Ring ring, int n) {
        List<MemberBody> members = new ArrayList<>();
        for (Member m : ring.members()) {
            members.add(new MemberBody(m.nodeId(), m.weight(), ring.partitionsOf(m.nodeId()).size(), 0));
        }
        Collections.reverse(members);
        return new RingBody("node", ring.version(), ring.partitionCount(), n, 1, 1, members, ring.owners(), null);
    }
}
