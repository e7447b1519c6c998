package io.dynamo.infra.jgroups;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.peer.Ping;
import io.dynamo.core.replica.ReadReplica;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.Message;
import io.dynamo.core.transport.UnreachableException;
import io.dynamo.core.version.SiblingSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jgroups.util.ExtendedUUID;
import org.jgroups.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nodes of two releases in one cluster: each writes to a peer the newest wire format that peer announces in its
 * address, so a node that reads only format 0 (a release before formats were numbered) is served in format 0, and
 * a peer that breaks that rule gets a clear refusal naming both nodes, at once, and nobody stops.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WireFormatNegotiationTest {
    private static final Duration VIEW_WAIT = Duration.ofSeconds(15);
    /** Far above what the checks wait: an answer that arrives is not a timeout. */
    private static final Duration LONG = Duration.ofSeconds(30);

    private final String cluster = "wire-format-test-" + java.util.UUID.randomUUID();
    private final List<Integer> ports = TestNode.freePorts(2);
    private final List<Running> started = new ArrayList<>();

    private record Running(JGroupsTransport transport, ExecutorService executor, ScheduledExecutorService timer) {
    }

    @AfterEach
    void stop() {
        for (Running r : started) {
            r.transport().close();
            r.executor().shutdownNow();
            r.timer().shutdownNow();
        }
    }

    @Test
    void aNodeOfTheReleaseBeforeFormatsIsServedInFormat0BothWays() throws Exception {
        JGroupsTransport current = start("current", 0, WireFormats.CURRENT);
        JGroupsTransport earlier = start("earlier", 1, new WireFormats(0, 0));
        awaitBoth(current, earlier);

        Key key = Key.of("k");
        assertThat(current.request("earlier", new ReadReplica(key), LONG).get())
                .as("a request the earlier node can read").isEqualTo(new ReplicaState(key, SiblingSet.EMPTY));
        assertThat(earlier.request("current", new ReadReplica(key), LONG).get())
                .as("an answer the earlier node can read").isEqualTo(new ReplicaState(key, SiblingSet.EMPTY));
    }

    @Test
    void aFrameInAFormatTooNewIsRefusedClearlyAtOnceNamingBothNodes() throws Exception {
        JGroupsTransport current = start("current", 0, WireFormats.CURRENT);
        // Reads format 0 only but announces format 1: the current node writes format 1 to it, against the rule.
        JGroupsTransport liar = start("liar", 1, new WireFormats(0, 1));
        awaitBoth(current, liar);

        long start = System.nanoTime();
        assertThat(failureOf(current.request("liar", new Ping(), LONG)))
                .isInstanceOf(UnreachableException.class)
                .hasMessageContaining("node liar cannot read a request from node current: wire format version 1 is "
                        + "newer than the newest this node reads (0)");
        assertThat(failureOf(liar.request("current", new Ping(), LONG)))
                .isInstanceOf(UnreachableException.class)
                .hasMessageContaining("node current is unreachable: node liar cannot read its reply: wire format "
                        + "version 1 is newer than the newest this node reads (0)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused, not timed out").isLessThan(LONG);
        // Both keep serving: each still answers a request to itself, and the refusals repeat just as clearly.
        assertThat(liar.request("liar", new Ping(), LONG).get()).isInstanceOf(Ack.class);
        assertThat(failureOf(current.request("liar", new Ping(), LONG)))
                .hasMessageContaining("cannot read a request from node current");
    }

    @Test
    void anAddressWithoutAFormatIsANodeThatReadsFormat0() {
        ExtendedUUID old = ExtendedUUID.randomUUID("old").put(MemberDirectory.NODE_ID_KEY, "old".getBytes());
        assertThat(MemberDirectory.formatOf(old)).isZero();
        assertThat(MemberDirectory.formatOf(UUID.randomUUID())).isZero();
        assertThat(MemberDirectory.formatOf(ExtendedUUID.randomUUID("new")
                .put(MemberDirectory.WIRE_FORMAT_KEY, MemberDirectory.formatBytes(7)))).isEqualTo(7);
        assertThat(WireFormats.CURRENT.toward(0)).isZero();
        assertThat(WireFormats.CURRENT.toward(7)).isEqualTo(WireFormats.CURRENT.reads());
    }

    private JGroupsTransport start(String id, int port, WireFormats formats) {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        JGroupsTransport transport = JGroupsTransport.start(JGroupsSettings.loopback(cluster, id, ports.get(port),
                TestNode.seeds(ports)), formats, executor, timer);
        started.add(new Running(transport, executor, timer));
        transport.serve((from, request) -> CompletableFuture.completedFuture(request instanceof ReadReplica r
                ? new ReplicaState(r.key(), SiblingSet.EMPTY) : new Ack()));
        return transport;
    }

    private static void awaitBoth(JGroupsTransport a, JGroupsTransport b) {
        Set<String> both = Set.of(a.localNode(), b.localNode());
        for (JGroupsTransport t : List.of(a, b)) {
            TestNode.await(() -> t.members().equals(both), VIEW_WAIT, () -> t.localNode() + " sees " + t.members());
        }
    }

    private static Throwable failureOf(CompletableFuture<Message> request) throws InterruptedException {
        try {
            Message unexpected = request.get();
            throw new AssertionError("expected a refusal, got " + unexpected);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
