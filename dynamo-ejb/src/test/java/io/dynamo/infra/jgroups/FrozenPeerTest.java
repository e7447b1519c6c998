package io.dynamo.infra.jgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.Key;
import io.dynamo.core.replica.ReadReplica;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.Message;
import io.dynamo.core.transport.UnreachableException;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jgroups.Address;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.UFC;
import org.jgroups.stack.ProtocolStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer that stops reading its sockets (a process stopped with SIGSTOP, a long GC pause, a hung disk) must not hold
 * up what a node sends to the others. Here c stops reading while a sends it more than the sockets between them, flow
 * control's credits and the transport's queue for c hold: a's requests to b must still be answered at once, and
 * requests to c beyond that queue must fail at once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FrozenPeerTest {
    private static final int VALUE_BYTES = 256 * 1024;
    /** 24 MB: more than flow control's credits (4 MB) and the transport's queue per peer (16 MB) together. */
    private static final int WRITES_TO_FROZEN_PEER = 96;
    /** Far below FD_ALL3's timeout (20 s), after which the frozen peer would be dropped and its socket closed. */
    private static final Duration ANSWER = Duration.ofSeconds(3);
    /** Longer than the test: requests to the frozen peer stay pending unless refused. */
    private static final Duration FROZEN = Duration.ofSeconds(50);

    @Test
    void aFrozenPeerDoesNotHoldUpRequestsToTheOthers(@TempDir Path dir) throws Exception {
        String cluster = "frozen-peer-" + UUID.randomUUID();
        List<Integer> ports = TestNode.freePorts(3);
        List<String> seeds = TestNode.seeds(ports);
        // c delivers on its socket readers (no thread pool), so a closed valve stops it reading its sockets, and
        // its small receive buffer lets a's socket to it fill with far less than flow control's credits (4 MB).
        String stack = Files.readString(Path.of("..", "config", "jgroups", "tcp.xml"))
                .replace("<TCP ", "<TCP thread_pool.enabled=\"false\" ")
                .replace("recv_buf_size=\"0\"", "recv_buf_size=\"16384\"");
        assertThat(stack).contains("recv_buf_size=\"16384\"");
        Path cStack = Files.writeString(dir.resolve("c.xml"), stack);
        PauseValve valve = PauseValve.readsOnly();
        try (TestNode a = TestNode.start(JGroupsSettings.loopback(cluster, "a", ports.get(0), seeds));
             TestNode b = TestNode.start(JGroupsSettings.loopback(cluster, "b", ports.get(1), seeds));
             TestNode c = TestNode.start(new JGroupsSettings(cluster, "c", "127.0.0.1", ports.get(2), seeds,
                     cStack.toString()))) {
            for (TestNode n : List.of(a, b, c)) {
                n.transport.serve((from, m) -> CompletableFuture.completedFuture(answer(m)));
            }
            for (TestNode n : List.of(a, b, c)) {
                n.awaitMembers(Set.of("a", "b", "c"), Duration.ofSeconds(15));
            }
            assertThat(a.transport.request("b", read(), ANSWER).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS))
                    .isInstanceOf(ReplicaState.class);
            c.transport.channel().getProtocolStack().insertProtocol(valve, ProtocolStack.Position.ABOVE, TCP.class);

            valve.close();
            SiblingSet big = SiblingSet.EMPTY.put(Context.EMPTY, new Dot("a", 1),
                    Value.of(new byte[VALUE_BYTES], "application/octet-stream"), 1, 10);
            List<CompletableFuture<Message>> toC = new ArrayList<>();
            for (int i = 0; i < WRITES_TO_FROZEN_PEER; i++) {
                toC.add(a.transport.request("c", new WriteReplica(Key.of("big-" + i), big, ""), FROZEN));
            }
            // Measure only once a is stuck on c: c stopped reading, a spent its credits for c (its outbox to c
            // waits for more), and the outbox is full. No fixed sleep: a loaded machine may need longer.
            UFC flowControl = a.transport.channel().getProtocolStack().findProtocol(UFC.class);
            Address cAddress = c.transport.channel().getAddress();
            CompletableFuture<Message> refused = toC.get(toC.size() - 1);
            TestNode.await(() -> valve.blocked() > 0 && flowControl.getSenderCreditsFor(cAddress) < VALUE_BYTES
                    && refused.isDone(), Duration.ofSeconds(30), () -> "a stuck on c: blocked " + valve.blocked()
                    + ", credits for c " + flowControl.getSenderCreditsFor(cAddress) + ", last request to c done "
                    + refused.isDone());

            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                Message reply = a.transport.request("b", read(), ANSWER).get(ANSWER.toMillis(),
                        TimeUnit.MILLISECONDS);
                assertThat(reply).isInstanceOf(ReplicaState.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ANSWER);
            }
            // Beyond what may wait for c, requests to it fail at once, saying why.
            assertThat(refused).isCompletedExceptionally();
            assertThatThrownBy(refused::join).hasCauseInstanceOf(UnreachableException.class)
                    .hasMessageContaining("node c is unreachable: it is not taking messages");
            assertThat(toC.get(0)).isNotDone();
        } finally {
            valve.open();
        }
    }

    private static ReadReplica read() {
        return new ReadReplica(Key.of("colour"));
    }

    private static Message answer(Message m) {
        return m instanceof ReadReplica r ? new ReplicaState(r.key(), SiblingSet.EMPTY) : new Ack();
    }
}
