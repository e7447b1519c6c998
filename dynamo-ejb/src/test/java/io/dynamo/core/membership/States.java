package io.dynamo.core.membership;

import io.dynamo.core.ring.Handover;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.PartitionStream;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.ring.RingSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Random membership states drawn from a small pool, so that merges meet equal versions and conflicting content. */
final class States {
    private static final String[] IDS = {"a", "b", "c", "d", "e"};
    private static final String[] HTTP = {"", "http://h1:8080", "http://h2:8080"};

    private States() {
    }

    /**
     * Ends the ring change under way at {@code m} as if it heard from a node that saw it end (these tests run no
     * transfers, so the copies a change needs are never made here).
     */
    static void finishChange(MembershipService m) {
        m.merge(m.state().withRing(m.ring().orElseThrow().settled()));
    }

    /** A ring of a random small layout; one in two of those past version 1 is still being handed over. */
    static Ring randomRing(Random random) {
        int q = 1 << random.nextInt(4);
        // One in two rings carries the cluster's settings (a ring of an older release has none).
        RingSettings settings = random.nextBoolean() ? null : RingSettings.majority(1 + random.nextInt(5));
        Ring ring = randomLayout(random, q, 1 + random.nextInt(3));
        ring = settings == null ? ring : ring.withSettings(settings);
        if (ring.version() == 1 || random.nextBoolean()) {
            return ring;
        }
        Ring previous = randomLayout(random, q, ring.version() - 1);
        previous = settings == null ? previous : previous.withSettings(settings);
        // One in three changes drops a dead member of the previous ring (a remove or replace of a node that is down).
        List<String> gone = random.nextInt(3) == 0
                ? List.of(previous.members().get(random.nextInt(previous.members().size())).nodeId()) : List.of();
        Ring changing = ring.withHandover(Handover.from(previous, gone));
        for (String id : changing.participants()) {
            if (random.nextBoolean()) {
                changing = changing.seenBy(id);
            }
            if (random.nextInt(3) == 0) {
                changing = changing.switchedBy(id);
            }
        }
        for (PartitionStream stream : changing.streams(2)) {
            if (random.nextBoolean()) {
                changing = changing.confirming(stream, 2);
            }
        }
        return changing;
    }

    private static Ring randomLayout(Random random, int q, long version) {
        List<String> pool = new ArrayList<>(List.of(IDS).subList(0, 4));
        Collections.shuffle(pool, random);
        int size = 1 + random.nextInt(3);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(new Member(pool.get(i), 1 + random.nextInt(2)));
        }
        List<String> owners = new ArrayList<>();
        for (int p = 0; p < q; p++) {
            owners.add(members.get(random.nextInt(size)).nodeId());
        }
        return new Ring(version, q, members, owners);
    }

    static NodeInfo randomNode(Random random, String id) {
        NodeStatus[] statuses = NodeStatus.values();
        return new NodeInfo(id, HTTP[random.nextInt(HTTP.length)], statuses[random.nextInt(statuses.length)],
                random.nextInt(4));
    }

    static MembershipState randomState(Random random) {
        Ring ring = random.nextInt(5) == 0 ? null : randomRing(random);
        List<NodeInfo> nodes = new ArrayList<>();
        for (String id : IDS) {
            if (random.nextBoolean()) {
                nodes.add(randomNode(random, id));
            }
        }
        return MembershipState.of(ring, nodes);
    }
}
