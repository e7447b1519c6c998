package io.dynamo.core.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Members and ring checks shared by the ring tests. */
final class Rings {

    private Rings() {
    }

    /** s equal-weight members with random ids, so the id order differs from the creation order. */
    static List<Member> members(int s, Random random) {
        Set<String> ids = new LinkedHashSet<>();
        while (ids.size() < s) {
            ids.add("node-" + Integer.toString(random.nextInt(1 << 20), 36));
        }
        return ids.stream().map(Member::of).toList();
    }

    static List<Member> members(int s) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < s; i++) {
            members.add(Member.of(String.format("n%02d", i)));
        }
        return members;
    }

    static int spread(Collection<Integer> counts) {
        return counts.stream().mapToInt(Integer::intValue).max().orElse(0)
                - counts.stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    static int adjacentDuplicates(Ring ring) {
        int q = ring.partitionCount();
        int duplicates = 0;
        for (int p = 0; p < q && q > 1; p++) {
            if (ring.owner(p).equals(ring.owner((p + 1) % q))) {
                duplicates++;
            }
        }
        return duplicates;
    }

    /** The preference list contract, checked for every partition against a naive walk. */
    static void checkPreferenceLists(Ring ring, int n) {
        Set<String> everyone = new HashSet<>();
        ring.members().forEach(m -> everyone.add(m.nodeId()));
        for (int p = 0; p < ring.partitionCount(); p++) {
            PreferenceList list = ring.preferenceList(p, n);
            List<String> walk = naiveWalk(ring, p);
            assertThat(list.replicas()).hasSize(Math.min(n, everyone.size())).doesNotHaveDuplicates();
            assertThat(list.replicas().get(0)).isEqualTo(ring.owner(p));
            assertThat(list.fallbacks()).doesNotHaveDuplicates().doesNotContainAnyElementsOf(list.replicas());
            assertThat(list.all()).containsExactlyElementsOf(walk);
            assertThat(new HashSet<>(list.all())).isEqualTo(everyone);
        }
    }

    /** Distinct owners clockwise from p, then members owning nothing, by id. */
    private static List<String> naiveWalk(Ring ring, int p) {
        Set<String> walk = new LinkedHashSet<>();
        for (int i = 0; i < ring.partitionCount(); i++) {
            walk.add(ring.owner((p + i) % ring.partitionCount()));
        }
        ring.members().forEach(m -> walk.add(m.nodeId()));
        return new ArrayList<>(walk);
    }

    /** Partitions a walk from p must visit before it has met n distinct nodes. */
    static int walkLength(Ring ring, int p, int n) {
        Set<String> seen = new HashSet<>();
        int steps = 0;
        while (seen.size() < n) {
            seen.add(ring.owner((p + steps) % ring.partitionCount()));
            steps++;
        }
        return steps;
    }
}
