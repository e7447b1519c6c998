package io.dynamo.infra.jgroups;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A cluster that was split and can reach itself again must become one view within seconds: while it is split, each
 * side refuses requests to the other ("not a member of the current view"), and hints wait. Here the state after a
 * heal is made directly: a and b form one view, c forms a view of its own (it knows no seed but itself), and a and b
 * know c's address. The merge must follow within {@link #HEALED}; with MERGE3's former intervals (10-30 s, so a
 * merge check every 48 s) it took up to a minute.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HealedSplitTest {
    /** A few of MERGE3's rounds (1-3 s) and its check (every 4.8 s), with room for a loaded machine. */
    private static final Duration HEALED = Duration.ofSeconds(20);
    private static final Duration VIEW_WAIT = Duration.ofSeconds(15);

    @Test
    void twoViewsThatReachEachOtherMergeWithinSeconds() {
        String cluster = "healed-split-" + UUID.randomUUID();
        List<Integer> ports = TestNode.freePorts(3);
        try (TestNode a = TestNode.start(cluster, "a", ports.get(0), ports);
             TestNode b = TestNode.start(cluster, "b", ports.get(1), ports)) {
            a.awaitMembers(Set.of("a", "b"), VIEW_WAIT);
            long start = System.nanoTime();
            // c knows no seed but itself: it starts a view of its own (or is found by a's announcements at once).
            try (TestNode c = TestNode.start(cluster, "c", ports.get(2), ports.subList(2, 3))) {
                for (TestNode n : List.of(a, b, c)) {
                    n.awaitMembers(Set.of("a", "b", "c"), HEALED);
                }
                System.out.printf("HealedSplitTest: one view of three %d ms after c started%n",
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}
