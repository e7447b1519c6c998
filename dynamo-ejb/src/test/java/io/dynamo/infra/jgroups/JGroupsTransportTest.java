package io.dynamo.infra.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.Key;
import io.dynamo.core.peer.Ping;
import io.dynamo.core.replica.ReadReplica;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.ClusterTransport.RequestHandler;
import io.dynamo.core.transport.Message;
import io.dynamo.core.transport.UnreachableException;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jgroups.Event;
import org.jgroups.PhysicalAddress;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.TP;
import org.jgroups.util.Util;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Three real transports on loopback sockets in one JVM, shared by all tests; the leave and crash tests add a
 * fourth node of their own and take it away again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JGroupsTransportTest {
    private static final Duration VIEW_WAIT = Duration.ofSeconds(15);
    private static final Duration LONG = Duration.ofSeconds(20);

    private final String cluster = "jgroups-test-" + UUID.randomUUID();
    private final List<Integer> ports = TestNode.freePorts(5);
    private final List<Integer> triple = ports.subList(0, 3);
    private TestNode a;
    private TestNode b;
    private TestNode c;

    @BeforeAll
    void startCluster() {
        a = TestNode.start(cluster, "a", ports.get(0), triple);
        b = TestNode.start(cluster, "b", ports.get(1), triple);
        c = TestNode.start(cluster, "c", ports.get(2), triple);
        for (TestNode n : List.of(a, b, c)) {
            n.awaitMembers(Set.of("a", "b", "c"), VIEW_WAIT);
        }
    }

    @AfterAll
    void stopCluster() {
        for (TestNode n : new TestNode[] {c, b, a}) {
            if (n != null) {
                n.close();
            }
        }
    }

    @BeforeEach
    void answerNormally() {
        for (TestNode n : List.of(a, b, c)) {
            n.transport.serve(replica(n.id));
        }
    }

    @Test
    void threeNodesFormOneViewOnLoopbackWithoutDiagnostics() throws Exception {
        List<Set<String>> seen = new CopyOnWriteArrayList<>();
        a.transport.onView(seen::add);
        TestNode.await(() -> !seen.isEmpty(), VIEW_WAIT, () -> "no view for a late listener");
        assertThat(seen.get(0)).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(a.transport.localNode()).isEqualTo("a");

        for (TestNode n : List.of(a, b, c)) {
            TP tp = n.transport.channel().getProtocolStack().getTransport();
            PhysicalAddress physical = (PhysicalAddress) n.transport.channel()
                    .down(new Event(Event.GET_PHYSICAL_ADDRESS, n.transport.channel().address()));
            assertThat(physical.printIpAddress()).isEqualTo("127.0.0.1:" + n.port);
            assertThat(tp.getBindAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
            assertThat(tp.getDiagnosticsHandler() == null || !tp.getDiagnosticsHandler().isEnabled()).isTrue();
            FD_SOCK2 fd = n.transport.channel().getProtocolStack().findProtocol(FD_SOCK2.class);
            assertThat(fd.getBindAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
            assertThat(n.transport.channel().getProtocolStack().printProtocolSpec(false))
                    .contains("TCPPING", "UNICAST3", "FD_SOCK2", "FD_ALL3", "VERIFY_SUSPECT2", "MERGE3", "GMS",
                            "FRAG4", "SuspicionTap");
        }
    }

    @Test
    void readAndWriteRoundTripWithSiblings() throws Exception {
        Key key = Key.of("colour");
        Message state = a.transport.request("b", new ReadReplica(key), LONG).get();
        assertThat(state).isInstanceOf(ReplicaState.class);
        ReplicaState s = (ReplicaState) state;
        assertThat(s.key()).isEqualTo(key);
        assertThat(s.versions()).isEqualTo(siblings(key, "b"));
        assertThat(s.versions().siblings()).hasSize(2);
        assertThat(s.versions().liveValues()).extracting(v -> new String(v.bytes(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("colour@b:1", "colour@b:2");

        assertThat(a.transport.request("c", new WriteReplica(key, siblings(key, "a"), ""), LONG).get())
                .isInstanceOf(Ack.class);
        assertThat(c.transport.request("a", new WriteReplica(key, SiblingSet.EMPTY, "b"), LONG).get())
                .isInstanceOf(Ack.class);
        assertThat(b.transport.request("c", new Ping(), LONG).get()).isInstanceOf(Ack.class);
        assertThat(a.transport.request("a", new Ping(), LONG).get()).as("a request to oneself")
                .isInstanceOf(Ack.class);
    }

    @Test
    void twoMebibyteValueIsFragmentedAndArrivesIntact() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024];
        new Random(42).nextBytes(big);
        Key key = Key.of("big");
        SiblingSet versions = SiblingSet.EMPTY.put(Context.EMPTY, new Dot("a", 1),
                Value.of(big, Value.DEFAULT_CONTENT_TYPE), 1, 10);
        // b answers with what it received, so the value crosses the wire both ways.
        b.transport.serve((from, m) -> CompletableFuture.completedFuture(
                new ReplicaState(key, ((WriteReplica) m).versions())));
        FRAG4 frag = a.transport.channel().getProtocolStack().findProtocol(FRAG4.class);
        long fragmentsBefore = frag.getNumberOfSentFragments();

        ReplicaState echoed = (ReplicaState) a.transport.request("b", new WriteReplica(key, versions, ""), LONG).get();

        assertThat(echoed.versions()).isEqualTo(versions);
        assertThat(echoed.versions().siblings().get(0).value().bytes()).isEqualTo(big);
        assertThat(frag.getNumberOfSentFragments() - fragmentsBefore).isGreaterThanOrEqualTo(30);
    }

    @Test
    void unknownNodeFailsFast() {
        long start = System.nanoTime();
        CompletableFuture<Message> reply = a.transport.request("nobody", new Ping(), LONG);
        assertThat(reply).isCompletedExceptionally();
        assertThatThrownBy(reply::get).hasCauseInstanceOf(UnreachableException.class)
                .hasMessageContaining("nobody").hasMessageContaining("not a member of the current view");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(((UnreachableException) causeOf(reply)).node()).isEqualTo("nobody");
    }

    @Test
    void silentHandlerTimesOutWithUnreachable() {
        c.transport.serve((from, m) -> new CompletableFuture<>());
        long start = System.nanoTime();
        CompletableFuture<Message> reply = a.transport.request("c", new Ping(), Duration.ofMillis(300));

        assertThatThrownBy(() -> reply.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(UnreachableException.class)
                .hasMessageContaining("node c is unreachable").hasMessageContaining("no answer within 300 ms");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isBetween(Duration.ofMillis(290), Duration.ofSeconds(3));
        TestNode.await(() -> a.transport.pendingCount() == 0, Duration.ofSeconds(2), () -> "pending left over");
    }

    @Test
    void failingHandlerFailsTheRequestAtOnce() {
        c.transport.serve((from, m) -> CompletableFuture.failedFuture(new IllegalStateException("disk on fire")));
        b.transport.serve((from, m) -> {
            throw new IllegalArgumentException("cannot parse");
        });
        assertThatThrownBy(() -> a.transport.request("c", new Ping(), LONG).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(UnreachableException.class).hasMessageContaining("disk on fire");
        assertThatThrownBy(() -> a.transport.request("b", new Ping(), LONG).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(UnreachableException.class).hasMessageContaining("cannot parse");
    }

    @Test
    void twoThousandConcurrentRequestsFromEightThreadsAreCorrelated() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<CompletableFuture<Boolean>>>> batches = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                batches.add(callers.submit(() -> {
                    List<CompletableFuture<Boolean>> checks = new ArrayList<>();
                    for (int i = 0; i < 250; i++) {
                        String target = i % 2 == 0 ? "b" : "c";
                        Key key = Key.of("k-" + thread + "-" + i);
                        checks.add(a.transport.request(target, new ReadReplica(key), LONG)
                                .thenApply(reply -> ((ReplicaState) reply).key().equals(key)
                                        && ((ReplicaState) reply).versions().equals(siblings(key, target))));
                    }
                    return checks;
                }));
            }
            List<CompletableFuture<Boolean>> all = new ArrayList<>();
            for (Future<List<CompletableFuture<Boolean>>> batch : batches) {
                all.addAll(batch.get());
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(25, TimeUnit.SECONDS);
            assertThat(all).hasSize(2000).allMatch(CompletableFuture::join);
            assertThat(a.transport.pendingCount()).isZero();
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void blockedHandlerDoesNotStallOtherRequestsAndNothingRunsOnJGroupsThreads() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> handlerThreads = new CopyOnWriteArrayList<>();
        RequestHandler normal = replica("b");
        b.transport.serve((from, m) -> {
            handlerThreads.add(Thread.currentThread().getName());
            if (m instanceof ReadReplica r && r.key().equals(Key.of("block"))) {
                try {
                    release.await(); // really blocks the handler's thread
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return normal.handle(from, m);
        });
        CompletableFuture<Message> blocked = a.transport.request("b", new ReadReplica(Key.of("block")), LONG);
        CompletableFuture<String> completedOn = blocked.thenApply(r -> Thread.currentThread().getName());
        TestNode.await(() -> !handlerThreads.isEmpty(), Duration.ofSeconds(5), () -> "blocking handler never ran");

        List<CompletableFuture<Message>> others = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            others.add(a.transport.request("b", new ReadReplica(Key.of("free-" + i)), LONG));
        }
        CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(blocked).isNotDone();

        release.countDown();
        // Wait on the continuation, not on blocked: a thread waiting in blocked.get() may run its dependents itself.
        assertThat(completedOn.get(5, TimeUnit.SECONDS)).as("the caller's continuation runs on the caller's executor")
                .startsWith("exec-a-");
        assertThat(blocked.join()).isInstanceOf(ReplicaState.class);
        assertThat(handlerThreads).hasSize(101).allMatch(name -> name.startsWith("exec-b-"));
    }

    @Test
    void leavingNodeFailsItsRequestsAtOnceAndFiresTheHooks() throws Exception {
        List<String> suspects = new CopyOnWriteArrayList<>();
        List<Set<String>> views = new CopyOnWriteArrayList<>();
        b.transport.onSuspect(suspects::add);
        b.transport.onView(views::add);
        try (TestNode d = TestNode.start(cluster, "d", ports.get(3), List.of(triple.get(0), triple.get(1)))) {
            b.awaitMembers(Set.of("a", "b", "c", "d"), VIEW_WAIT);
            d.awaitMembers(Set.of("a", "b", "c", "d"), VIEW_WAIT);
            assertThatThrownBy(() -> b.transport.request("d", new Ping(), LONG).get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(UnreachableException.class).hasMessageContaining("does not serve requests");

            d.transport.serve((from, m) -> new CompletableFuture<>());
            c.transport.serve((from, m) -> new CompletableFuture<>());
            CompletableFuture<Message> toD = b.transport.request("d", new Ping(), LONG);
            CompletableFuture<Message> fromD = d.transport.request("c", new Ping(), LONG);
            long start = System.nanoTime();
            d.close();

            assertThatThrownBy(() -> fromD.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(UnreachableException.class)
                    .hasMessageContaining("the transport of node d closed");
            assertThatThrownBy(() -> toD.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(UnreachableException.class)
                    .hasMessageContaining("left the view");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThatThrownBy(() -> d.transport.request("a", new Ping(), LONG).getNow(null))
                    .hasCauseInstanceOf(UnreachableException.class).hasMessageContaining("closed");
        }
        TestNode.await(() -> suspects.contains("d"), VIEW_WAIT, () -> "suspects " + suspects);
        TestNode.await(() -> views.get(views.size() - 1).equals(Set.of("a", "b", "c")), VIEW_WAIT,
                () -> "views " + views);
        assertThat(views).contains(Set.of("a", "b", "c", "d"));
        assertThat(suspects).containsOnlyOnce("d");
        assertThatThrownBy(() -> b.transport.request("d", new Ping(), LONG).getNow(null))
                .hasCauseInstanceOf(UnreachableException.class).hasMessageContaining("not a member");
    }

    @Test
    void crashedNodeIsSuspectedAndItsRequestsFail() throws Exception {
        List<String> suspects = new CopyOnWriteArrayList<>();
        List<String> stillInView = new CopyOnWriteArrayList<>();
        a.transport.onSuspect(node -> {
            suspects.add(node);
            if (a.transport.members().contains(node)) {
                stillInView.add(node);
            }
        });
        TestNode e = TestNode.start(cluster, "e", ports.get(4), triple);
        try {
            c.awaitMembers(Set.of("a", "b", "c", "e"), VIEW_WAIT);
            e.transport.serve((from, m) -> new CompletableFuture<>());
            CompletableFuture<Message> pending = c.transport.request("e", new Ping(), LONG);

            Util.shutdown(e.transport.channel()); // no LEAVE: peers must detect it

            assertThatThrownBy(() -> pending.get(15, TimeUnit.SECONDS)).hasCauseInstanceOf(UnreachableException.class)
                    .hasMessageContaining("left the view");
            TestNode.await(() -> suspects.contains("e"), VIEW_WAIT, () -> "suspects " + suspects);
            a.awaitMembers(Set.of("a", "b", "c"), VIEW_WAIT);
            c.awaitMembers(Set.of("a", "b", "c"), VIEW_WAIT);
            // JGroups 5.5 passes a verified SUSPECT up on the coordinator only (a, the oldest member); usually it
            // arrives before the view without e, but on a loaded machine the new view can come first (seen in full
            // runs). Either way e is reported once, not again by the other path.
            assertThat(stillInView).as("suspected while in the view, or only when it left").isSubsetOf("e");
            assertThat(suspects).containsOnlyOnce("e");
        } finally {
            e.close();
        }
    }

    /** Answers as a replica would: versions for a read (two concurrent siblings written at {@code node}). */
    private static RequestHandler replica(String node) {
        return (from, m) -> {
            if (m instanceof ReadReplica r) {
                return CompletableFuture.completedFuture(new ReplicaState(r.key(), siblings(r.key(), node)));
            }
            return CompletableFuture.completedFuture(new Ack());
        };
    }

    private static SiblingSet siblings(Key key, String node) {
        SiblingSet set = SiblingSet.EMPTY;
        for (int i = 1; i <= 2; i++) {
            byte[] text = (key + "@" + node + ":" + i).getBytes(StandardCharsets.UTF_8);
            set = set.put(Context.EMPTY, new Dot(node, i), Value.of(text, "text/plain"), i, 10);
        }
        return set;
    }

    private static Throwable causeOf(CompletableFuture<?> future) {
        try {
            future.get();
            throw new AssertionError("completed normally");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
