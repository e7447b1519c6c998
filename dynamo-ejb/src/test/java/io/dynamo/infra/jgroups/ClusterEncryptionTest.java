package io.dynamo.infra.jgroups;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.replica.ReadReplica;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.Message;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import io.dynamo.core.wire.MessageCodec;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.EmptyMessage;
import org.jgroups.Event;
import org.jgroups.JChannel;
import org.jgroups.PhysicalAddress;
import org.jgroups.conf.ClassConfigurator;
import org.jgroups.protocols.Encrypt;
import org.jgroups.protocols.SERIALIZE;
import org.jgroups.protocols.SYM_ENCRYPT;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.stack.Protocol;
import org.jgroups.stack.ProtocolStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Two members sharing a secret (a, b), two plain nodes for comparison (p, q), and two processes that know the
 * cluster name and the members' addresses but not the secret: one without encryption, one with another secret.
 * All on loopback sockets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClusterEncryptionTest {
    private static final Duration VIEW_WAIT = Duration.ofSeconds(15);
    private static final Duration LONG = Duration.ofSeconds(20);
    /** How long the members are watched for a stranger in their view; longer than a join attempt (GMS, 2 s). */
    private static final Duration WATCH = Duration.ofSeconds(5);

    private final String cluster = "encryption-test-" + UUID.randomUUID();
    private final List<Integer> ports = TestNode.freePorts(6);
    private final List<TestNode> nodes = new ArrayList<>();
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    /** Held here: the log manager keeps loggers weakly, and a collected one would lose the handler. */
    private final Logger channelLog = Logger.getLogger(ChannelFactory.class.getName());
    private final Handler warningLog = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private TestNode a;
    private TestNode b;
    private TestNode p;
    private TestNode q;
    private TestNode plainRogue;
    private TestNode otherKeyRogue;
    private WireTap aWire;
    private WireTap aAboveDecryption;
    private WireTap pWire;

    @BeforeAll
    void start() {
        channelLog.addHandler(warningLog);
        ClusterKey key = ClusterKey.fromSecret("correct horse battery staple", cluster, "test");
        List<Integer> members = ports.subList(0, 2);
        a = start(TestNode.start(cluster, "a", ports.get(0), members, key));
        b = start(TestNode.start(cluster, "b", ports.get(1), members, key));
        a.awaitMembers(Set.of("a", "b"), VIEW_WAIT);
        b.awaitMembers(Set.of("a", "b"), VIEW_WAIT);
        aWire = tap(a, ProtocolStack.Position.ABOVE, TCP.class);
        aAboveDecryption = tap(a, ProtocolStack.Position.ABOVE, SERIALIZE.class);

        String plainCluster = cluster + "-plain";
        p = start(TestNode.start(plainCluster, "p", ports.get(2), ports.subList(2, 4)));
        q = start(TestNode.start(plainCluster, "q", ports.get(3), ports.subList(2, 4)));
        p.awaitMembers(Set.of("p", "q"), VIEW_WAIT);
        pWire = tap(p, ProtocolStack.Position.ABOVE, TCP.class); // a has one too: same stack depth for the timings

        // Same cluster name, a and b as seeds: only the key is missing or wrong.
        plainRogue = start(TestNode.start(cluster, "rogue-plain", ports.get(4), members));
        otherKeyRogue = start(TestNode.start(cluster, "rogue-other-key", ports.get(5), members,
                ClusterKey.fromSecret("a different secret, same length", cluster, "test")));
    }

    private TestNode start(TestNode node) {
        nodes.add(node);
        node.transport.serve(ClusterEncryptionTest::echo);
        return node;
    }

    /** Reads find nothing; writes are answered with what arrived, so values cross the wire both ways. */
    private static CompletableFuture<Message> echo(String from, Message m) {
        return CompletableFuture.completedFuture(m instanceof ReadReplica r ? new ReplicaState(r.key(),
                SiblingSet.EMPTY) : m instanceof WriteReplica w ? new ReplicaState(w.key(), w.versions()) : new Ack());
    }

    @AfterAll
    void stop() {
        channelLog.removeHandler(warningLog);
        nodes.forEach(TestNode::close);
    }

    @Test
    void membersWithTheSecretFormOneViewAndExchangeRequestsThroughEncryptionAboveTheTransport() throws Exception {
        assertThat(a.transport.members()).containsExactlyInAnyOrder("a", "b");
        for (TestNode n : List.of(a, b)) {
            assertThat(n.transport.encrypted()).isTrue();
            ProtocolStack stack = n.transport.channel().getProtocolStack();
            Protocol aboveTransport = stack.getTransport().getUpProtocol();
            if (aboveTransport instanceof WireTap) { // a's test taps
                aboveTransport = aboveTransport.getUpProtocol();
            }
            assertThat(aboveTransport).isInstanceOf(SYM_ENCRYPT.class);
            assertThat(((SYM_ENCRYPT) aboveTransport).symAlgorithm()).isEqualTo("AES/GCM/NoPadding");
            Protocol aboveEncryption = aboveTransport.getUpProtocol();
            assertThat(aboveEncryption).isInstanceOf(SERIALIZE.class);
        }
        assertThat(p.transport.encrypted()).isFalse();

        Key key = Key.of("colour");
        assertThat(a.transport.request("b", new ReadReplica(key), LONG).get()).isEqualTo(
                new ReplicaState(key, SiblingSet.EMPTY));
        byte[] big = new byte[2 * 1024 * 1024];
        new Random(7).nextBytes(big);
        SiblingSet versions = versions("a", big);
        ReplicaState echoed = (ReplicaState) b.transport.request("a", new WriteReplica(key, versions, ""), LONG).get();
        assertThat(echoed.versions().siblings().get(0).value().bytes()).isEqualTo(big);
    }

    @Test
    void processesWithoutTheSecretNeverJoinAndNothingTheySendGetsPastDecryption() {
        Address plain = plainRogue.transport.channel().getAddress();
        Address otherKey = otherKeyRogue.transport.channel().getAddress();
        TestNode.await(() -> aWire.heardFrom(plain) && aWire.heardFrom(otherKey), VIEW_WAIT,
                () -> "the rogues' discovery and join requests never reached a's socket");

        long deadline = System.nanoTime() + WATCH.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(a.transport.members()).containsExactlyInAnyOrder("a", "b");
            assertThat(b.transport.members()).containsExactlyInAnyOrder("a", "b");
            assertThat(plainRogue.transport.members()).containsExactly("rogue-plain");
            assertThat(otherKeyRogue.transport.members()).containsExactly("rogue-other-key");
            pause();
        }
        assertThat(aAboveDecryption.heardFrom(plain)).isFalse();
        assertThat(aAboveDecryption.heardFrom(otherKey)).isFalse();
        assertThat(aAboveDecryption.heardFrom(b.transport.channel().getAddress())).as("the control").isTrue();
    }

    @Test
    void noPlaintextOfAReplicatedValueGoesToTheSocket() throws Exception {
        String marker = "replicated-value-" + UUID.randomUUID();
        byte[] value = ("a value with " + marker + " inside").getBytes(StandardCharsets.UTF_8);
        Key key = Key.of("key-" + marker);
        aWire.startRecording();
        assertThat(a.transport.request("b", new WriteReplica(key, versions("a", value), ""), LONG).get())
                .isInstanceOf(ReplicaState.class);
        byte[] sent = aWire.stopRecording();

        assertThat(sent).as("a sent something").hasSizeGreaterThan(value.length);
        assertThat(indexOf(sent, marker)).as("value or key in a's outgoing bytes").isEqualTo(-1);
        assertThat(indexOf(sent, "a value with")).isEqualTo(-1);

        // Control: the same request between the plain nodes shows the value, so the tap does see payloads.
        pWire.startRecording();
        p.transport.request("q", new WriteReplica(key, versions("p", value), ""), LONG).get();
        assertThat(indexOf(pWire.stopRecording(), marker)).isNotEqualTo(-1);
    }

    @Test
    void aRequestInjectedByAProcessWithoutTheSecretNeverReachesTheHandler() throws Exception {
        List<Message> handled = new CopyOnWriteArrayList<>();
        a.transport.serve((from, m) -> {
            handled.add(m);
            return echo(from, m);
        });
        Address target = a.transport.channel().getAddress();
        PhysicalAddress where = (PhysicalAddress) a.transport.channel()
                .down(new Event(Event.GET_PHYSICAL_ADDRESS, target));
        Key key = Key.of("injected");
        byte[] request = Envelope.frame(Envelope.REQUEST, 1, MessageCodec.encode(
                new WriteReplica(key, versions("rogue", "forged".getBytes(StandardCharsets.UTF_8)), "")));

        // The one with another key also claims a's key version, so a really tries to decrypt (and checks the tag).
        setKeyVersion(otherKeyRogue, encryptOf(a).symVersion());
        for (TestNode rogue : List.of(plainRogue, otherKeyRogue)) {
            JChannel channel = rogue.transport.channel();
            channel.getProtocolStack().getTransport().addPhysicalAddressToCache(target, where);
            channel.send(new BytesMessage(target, request).setFlag(org.jgroups.Message.Flag.OOB));
        }
        // A JOIN_REQ has no payload: SYM_ENCRYPT alone passes it on with a matching key version; SERIALIZE drops it.
        Address forger = otherKeyRogue.transport.channel().getAddress();
        encryptOf(otherKeyRogue).down(new EmptyMessage(target).setSrc(forger).putHeader(
                ClassConfigurator.getProtocolId(GMS.class), new GMS.GmsHeader(GMS.GmsHeader.JOIN_REQ, forger)));

        // The same request from b gets through, so the handler is listening and the window is long enough.
        try {
            assertThat(b.transport.request("a", new WriteReplica(key, SiblingSet.EMPTY, ""), LONG).get())
                    .isEqualTo(new ReplicaState(key, SiblingSet.EMPTY));
            long deadline = System.nanoTime() + WATCH.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(handled).hasSize(1);
                assertThat(a.transport.members()).containsExactlyInAnyOrder("a", "b");
                pause();
            }
            assertThat(aAboveDecryption.heardFrom(forger)).isFalse();
        } finally {
            a.transport.serve(ClusterEncryptionTest::echo);
        }
    }

    @Test
    void onlyTheNodesWithoutAKeyWarnOnceAtStart() {
        List<String> messages = warnings.stream().map(LogRecord::getMessage).toList();
        assertThat(messages).filteredOn(m -> m.contains("neither encrypted nor authenticated"))
                .hasSize(3).allMatch(m -> m.contains("dynamo.cluster.secret.file"))
                .anyMatch(m -> m.startsWith("node p:")).anyMatch(m -> m.startsWith("node q:"))
                .anyMatch(m -> m.startsWith("node rogue-plain:"));
    }

    /** Prints, does not assert: timing on a shared machine is not a test result. */
    @Test
    void requestReplyCostWithAndWithoutEncryption() throws Exception {
        for (int round = 0; round < 2; round++) { // the first round warms up
            boolean print = round == 1;
            for (int size : new int[] {100, 16 * 1024, 256 * 1024}) {
                int count = size > 50_000 ? 40 : size > 1000 ? 400 : 1000;
                long plain = loop(p, "q", size, count);
                long encrypted = loop(a, "b", size, count);
                if (print) {
                    System.out.printf("request/reply, %d B value, %d sequential: plain %.1f us, encrypted %.1f us "
                            + "per round trip (x%.2f)%n", size, count, plain / 1e3 / count, encrypted / 1e3 / count,
                            (double) encrypted / plain);
                }
            }
        }
    }

    private static long loop(TestNode from, String to, int size, int count) throws Exception {
        byte[] value = new byte[size];
        new Random(size).nextBytes(value);
        WriteReplica write = new WriteReplica(Key.of("loop"), versions(from.id, value), "");
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            from.transport.request(to, write, LONG).get();
        }
        return System.nanoTime() - start;
    }

    private static SiblingSet versions(String node, byte[] value) {
        return SiblingSet.EMPTY.put(Context.EMPTY, new Dot(node, 1), Value.of(value, "text/plain"), 1, 10);
    }

    private static WireTap tap(TestNode node, ProtocolStack.Position position, Class<? extends Protocol> neighbour) {
        WireTap tap = new WireTap();
        try {
            node.transport.channel().getProtocolStack().insertProtocol(tap, position, neighbour);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return tap;
    }

    private static SYM_ENCRYPT encryptOf(TestNode node) {
        return node.transport.channel().getProtocolStack().findProtocol(SYM_ENCRYPT.class);
    }

    /** What an eavesdropper can do: every message carries the key version (an MD5 of the key) in clear. */
    private static void setKeyVersion(TestNode node, byte[] version) throws Exception {
        Field field = Encrypt.class.getDeclaredField("sym_version");
        field.setAccessible(true);
        field.set(encryptOf(node), version.clone());
    }

    private static int indexOf(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
