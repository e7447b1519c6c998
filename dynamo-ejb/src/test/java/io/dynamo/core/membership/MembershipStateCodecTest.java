package io.dynamo.core.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.codec.BinaryWriter;
import io.dynamo.core.namespace.ConflictPolicy;
import io.dynamo.core.namespace.Namespace;
import io.dynamo.core.namespace.NamespaceCatalog;
import io.dynamo.core.namespace.NamespaceSettings;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.transport.Message;
import io.dynamo.core.wire.MessageCodec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MembershipStateCodecTest {

    @Property(tries = 500)
    void everyStateSurvivesARoundTrip(@ForAll long seed) {
        MembershipState state = States.randomState(new Random(seed));
        assertThat(MembershipStateCodec.decode(MembershipStateCodec.encode(state))).isEqualTo(state);
    }

    @Property(tries = 300)
    void gossipMessagesSurviveTheWireCodec(@ForAll long seed) {
        MembershipState state = States.randomState(new Random(seed));
        Map<String, NodeLoad> loads = Map.of("a", new NodeLoad(0, 1), "b", new NodeLoad(123_456_789L, 1795334077459L));
        Message decoded = MessageCodec.decode(MessageCodec.encode(new Gossip(state, loads)));
        assertThat(decoded).isEqualTo(new Gossip(state, loads));
    }

    /** A state written before namespaces existed (format 1 to 3) reads with an empty catalog. */
    @Test
    void aStateWithoutNamespacesKeepsItsOldFormatAndReadsWithAnEmptyCatalog() {
        MembershipState state = States.randomState(new Random(7));
        byte[] bytes = MembershipStateCodec.encode(state);
        assertThat(bytes[0]).isBetween((byte) 1, (byte) 3);
        assertThat(MembershipStateCodec.decode(bytes).namespaces()).isEqualTo(NamespaceCatalog.EMPTY);
        // The oldest format, as the first release wrote it: a ring of Q=2 with member "a", and no node records.
        byte[] formatOne = {1, 1, 1, 2, 1, 1, 'a', 1, 0, 0, 0};
        MembershipState old = MembershipStateCodec.decode(formatOne);
        assertThat(old.ringVersion()).isEqualTo(1);
        assertThat(old.namespaces().isEmpty()).isTrue();
    }

    @Property(tries = 200)
    void aStateWithNamespacesSurvivesTheCodecAndTheWire(@ForAll long seed) {
        Random random = new Random(seed);
        MembershipState state = States.randomState(random);
        if (state.ring().isEmpty()) {
            return;
        }
        MembershipState withCatalog = state.withNamespaces(NamespaceCatalog.of(List.of(new Namespace("carts",
                new NamespaceSettings(2, 1, 2, 0, ConflictPolicy.SIBLINGS, 100, 1000, 2, 5, "client"),
                1 + random.nextInt(9), random.nextBoolean()))));
        byte[] bytes = MembershipStateCodec.encode(withCatalog);
        assertThat(bytes[0]).isEqualTo((byte) 4);
        assertThat(MembershipStateCodec.decode(bytes)).isEqualTo(withCatalog);
        Gossip gossip = new Gossip(withCatalog, Map.of());
        assertThat(MessageCodec.decode(MessageCodec.encode(gossip))).isEqualTo(gossip);
    }

    /** A namespace's default TTL takes format 5, written only once a namespace has one (older nodes read format 4). */
    @Test
    void aDefaultTtlTakesFormat5AndRoundTrips() {
        MembershipState state = MembershipState.of(Ring.initial(8, List.of(Member.of("a"))), List.of());
        NamespaceSettings plain = new NamespaceSettings(2, 1, 2, 0, ConflictPolicy.SIBLINGS, 100, 1000, 2, 5, "none");
        NamespaceSettings expiring = new NamespaceSettings(2, 1, 2, 0, ConflictPolicy.SIBLINGS, 100, 1000, 2, 5,
                "none", 86_400);
        MembershipState withTtl = state.withNamespaces(NamespaceCatalog.of(List.of(new Namespace("carts", plain, 1,
                false), new Namespace("sessions", expiring, 2, false))));
        byte[] bytes = MembershipStateCodec.encode(withTtl);
        assertThat(bytes[0]).isEqualTo((byte) 5);
        MembershipState decoded = MembershipStateCodec.decode(bytes);
        assertThat(decoded).isEqualTo(withTtl);
        assertThat(decoded.namespaces().live("sessions").orElseThrow().settings().ttlSeconds()).isEqualTo(86_400);
        assertThat(MembershipStateCodec.encode(state.withNamespaces(NamespaceCatalog.of(List.of(new Namespace("carts",
                plain, 1, false)))))[0]).isEqualTo((byte) 4);
    }

    @Test
    void aFullSizeRingStaysCompact() {
        Ring ring = Ring.initial(256, List.of(Member.of("node-1"), Member.of("node-2"), new Member("node-3", 2)));
        MembershipState state = MembershipState.of(ring, List.of(
                new NodeInfo("node-1", "http://10.0.0.1:8080", NodeStatus.JOINED, 2)));
        byte[] bytes = MembershipStateCodec.encode(state);
        assertThat(bytes.length).isLessThan(256 + 100);
        assertThat(MembershipStateCodec.decode(bytes)).isEqualTo(state);
    }

    @Test
    void everyTruncationIsRefused() {
        MembershipState state = MembershipState.of(Ring.initial(8, List.of(Member.of("a"), new Member("b", 3))),
                List.of(new NodeInfo("a", "http://a", NodeStatus.JOINED, 5),
                        new NodeInfo("c", "", NodeStatus.JOINING, 1)));
        byte[] bytes = MembershipStateCodec.encode(state);
        for (int len = 0; len < bytes.length; len++) {
            byte[] cut = Arrays.copyOf(bytes, len);
            assertThatThrownBy(() -> MembershipStateCodec.decode(cut)).isInstanceOf(IllegalArgumentException.class);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> MembershipStateCodec.decode(longer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing");
    }

    @Property(tries = 1000)
    void randomBytesFailOnlyWithIllegalArgument(@ForAll long seed) {
        Random random = new Random(seed);
        byte[] bytes = MembershipStateCodec.encode(States.randomState(random));
        int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        try {
            MembershipStateCodec.decode(bytes);
        } catch (IllegalArgumentException expected) {
            // refused cleanly; anything else (index errors, huge allocations) would fail the property
        }
    }

    @Test
    void malformedFieldsAreNamed() {
        assertThatThrownBy(() -> MembershipStateCodec.decode(new byte[] {9, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format");
        assertThatThrownBy(() -> MembershipStateCodec.decode(new byte[] {1, 2, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("presence");
        byte[] badStatus = new BinaryWriter(16).writeByte(1).writeByte(0).writeVarLong(1).writeString("a")
                .writeString("").writeVarLong(7).writeVarLong(1).toByteArray();
        assertThatThrownBy(() -> MembershipStateCodec.decode(badStatus))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
        byte[] badOwner = new BinaryWriter(16).writeByte(1).writeByte(1).writeVarLong(1).writeVarLong(2)
                .writeVarLong(1).writeString("a").writeVarLong(1).writeVarLong(0).writeVarLong(1).writeVarLong(0)
                .toByteArray();
        assertThatThrownBy(() -> MembershipStateCodec.decode(badOwner))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("member #1");
        byte[] badQ = new BinaryWriter(16).writeByte(1).writeByte(1).writeVarLong(1).writeVarLong(3)
                .writeVarLong(1).writeString("a").writeVarLong(1).writeVarLong(0).writeVarLong(0).writeVarLong(0)
                .writeVarLong(0).toByteArray();
        assertThatThrownBy(() -> MembershipStateCodec.decode(badQ))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partition count");
        byte[] duplicateNode = new BinaryWriter(16).writeByte(1).writeByte(0).writeVarLong(2)
                .writeString("a").writeString("").writeVarLong(1).writeVarLong(1)
                .writeString("a").writeString("").writeVarLong(1).writeVarLong(2).toByteArray();
        assertThatThrownBy(() -> MembershipStateCodec.decode(duplicateNode))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two records");
    }
}
