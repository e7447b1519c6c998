package io.dynamo.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import io.dynamo.infra.jgroups.PauseValve;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real nodes (Xodus, JGroups on loopback, gossip as in the server), writes going on through every node, and
 * one node after the other paused: its JGroups stack holds every message in and out (a {@link PauseValve}), as a
 * SIGSTOP would; node1, the first, is JGroups' coordinator. While one is paused, the other two must keep each other
 * routable and take every write (W=2 of the two of them); once it resumes, the paused node must take a write within
 * {@value #RESUMED_WITHIN_MILLIS} ms, though its own calls timed out during the pause and it held both peers down.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class PausedNodeTest {
    private static final List<String> IDS = List.of("node1", "node2", "node3");
    /** Each node paused twice. */
    private static final int ROUNDS = 6;
    /** Long enough for the paused node to time out its calls (1 s) and hold its peers down. */
    private static final Duration PAUSE = Duration.ofSeconds(2);
    private static final long RESUMED_WITHIN_MILLIS = 200;
    /** The server's: gossip is traffic that also tells a node its peers answer again. */
    private static final Duration GOSSIP_AS_IN_THE_SERVER = Duration.ofSeconds(1);
    private static final Value VALUE = Value.of("v".getBytes(StandardCharsets.UTF_8), "text/plain");

    @TempDir
    Path dir;

    /** The node paused now, or null; and how many pauses and resumes there were, to tell writes that straddled one. */
    private volatile String paused;
    private final AtomicInteger transitions = new AtomicInteger();
    /** Stops the load; not an interrupt, which would close a store's file under a write on a writer's thread. */
    private volatile boolean stopping;

    @Test
    void theOthersKeepTakingWritesAndAResumedNodeTakesOneAtOnce() throws Exception {
        String template = Files.readString(Path.of("..", "config", "jgroups", "tcp.xml"))
                .replace("<TCP ", "<TCP thread_pool.enabled=\"false\" ");
        try (RealCluster cluster = new RealCluster(dir, "paused-node-" + System.nanoTime(), 3,
                GOSSIP_AS_IN_THE_SERVER)) {
            for (int i = 0; i < IDS.size(); i++) {
                String stack = template.replace("<TCPPING ", "<" + PauseValve.class.getName() + " node=\""
                        + IDS.get(i) + "\"/>\n    <TCPPING ");
                assertThat(stack).contains("PauseValve");
                cluster.start(i, i == 0, Optional.of(Files.writeString(dir.resolve(IDS.get(i) + ".xml"), stack)
                        .toString()));
            }
            List<DynamoNode> nodes = cluster.nodes();
            cluster.join(nodes.get(0), nodes.subList(1, 3));

            List<String> refused = new CopyOnWriteArrayList<>();
            List<String> unroutable = new CopyOnWriteArrayList<>();
            AtomicInteger written = new AtomicInteger();
            List<Thread> load = new ArrayList<>();
            for (DynamoNode n : nodes) {
                load.add(writer(n, written, refused));
            }
            load.add(watcher(nodes, unroutable));
            load.forEach(Thread::start);
            List<String> resumes = new ArrayList<>();
            List<Long> resumedAfter = new ArrayList<>();
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    DynamoNode victim = nodes.get(round % nodes.size());
                    RealCluster.await("every node routes to every other", () -> nodes.stream()
                            .allMatch(n -> IDS.stream().allMatch(p -> p.equals(n.id())
                                    || n.failureDetector().routable(p))));
                    PauseValve valve = PauseValve.of(victim.id());
                    transitions.incrementAndGet();
                    paused = victim.id();
                    valve.close();
                    try {
                        long closed = System.nanoTime();
                        timeOutOnItsPeers(victim, round);
                        Thread.sleep(Math.max(0, PAUSE.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime()
                                - closed)));
                    } finally {
                        valve.open();
                    }
                    long opened = System.nanoTime();
                    long after = firstAcceptedWrite(victim, round, opened);
                    paused = null;
                    transitions.incrementAndGet();
                    resumedAfter.add(after);
                    resumes.add(victim.id() + " " + after + " ms");
                }
            } finally {
                IDS.forEach(id -> PauseValve.of(id).open());
                stopping = true;
                for (Thread t : load) {
                    t.join();
                }
            }
            System.out.printf("paused nodes: %d writes through the others, %d refused, %d moments two of them held "
                    + "each other unroutable; a write taken after each resume: %s%n", written.get(), refused.size(),
                    unroutable.size(), resumes);
            assertThat(refused).as("writes refused by a node that was not paused").isEmpty();
            assertThat(unroutable).as("two nodes that were not paused routing around each other").isEmpty();
            assertThat(written.get()).isPositive();
            assertThat(resumedAfter).as("ms from resume to the first write taken by the resumed node")
                    .allSatisfy(ms -> assertThat(ms).isLessThan(RESUMED_WITHIN_MILLIS));
        }
    }

    /**
     * Writes through the paused node, as its clients would, until it routes around both peers: its calls to them time
     * out. (A first call may not count: a request from the peer that was already past the valve is handled after it
     * was sent, and a miss of a call sent before the peer was last heard from is not counted.)
     */
    private static void timeOutOnItsPeers(DynamoNode victim, int round) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (int i = 0; IDS.stream().anyMatch(p -> !p.equals(victim.id()) && victim.failureDetector().routable(p));
                i++) {
            assertThat(System.nanoTime()).as("%s times out on its peers", victim.id()).isLessThan(deadline);
            victim.putAsync(Key.of("paused-" + round + "-" + i), Context.EMPTY, VALUE, OptionalInt.of(2));
            Thread.sleep(100);
        }
    }

    /** Writes new keys through the node until one is taken; the time from {@code opened} to that write's start. */
    private static long firstAcceptedWrite(DynamoNode node, int round, long opened) {
        for (int i = 0; ; i++) {
            long start = System.nanoTime();
            try {
                node.put(Key.of("resumed-" + round + "-" + i), Context.EMPTY, VALUE, OptionalInt.of(2));
                return TimeUnit.NANOSECONDS.toMillis(start - opened);
            } catch (RuntimeException refused) {
                if (System.nanoTime() - opened > TimeUnit.SECONDS.toNanos(10)) {
                    throw refused;
                }
            }
        }
    }

    /** Writes through the node while it is not paused; keeps the refusals of writes no pause or resume overlapped. */
    private Thread writer(DynamoNode node, AtomicInteger written, List<String> refused) {
        return new Thread(() -> {
            for (int i = 0; !stopping; i++) {
                int before = transitions.get();
                if (node.id().equals(paused)) {
                    pauseBriefly();
                    continue;
                }
                try {
                    node.put(Key.of(node.id() + "-" + i), Context.EMPTY, VALUE, OptionalInt.of(2));
                    written.incrementAndGet();
                } catch (RuntimeException e) {
                    if (transitions.get() == before) {
                        refused.add(node.id() + " while " + paused + " was paused: " + e.getMessage());
                    }
                }
            }
        }, "writes-through-" + node.id());
    }

    /** Samples every 5 ms whether the nodes not paused route to each other. */
    private Thread watcher(List<DynamoNode> nodes, List<String> unroutable) {
        return new Thread(() -> {
            do {
                int before = transitions.get();
                String p = paused;
                List<String> seen = new ArrayList<>();
                for (DynamoNode n : nodes) {
                    for (String peer : IDS) {
                        if (!n.id().equals(p) && !peer.equals(p) && !peer.equals(n.id())
                                && !n.failureDetector().routable(peer)) {
                            seen.add(n.id() + " sees " + n.failureDetector().health(peer) + " while " + p
                                    + " was paused");
                        }
                    }
                }
                if (transitions.get() == before) {
                    unroutable.addAll(seen);
                }
                pauseBriefly();
            } while (!stopping);
        }, "routing-watch");
    }

    private static void pauseBriefly() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
