package io.dynamo.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.dynamo.core.base.Key;
import io.dynamo.core.coordination.CoordinatePut;
import io.dynamo.core.peer.Ping;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.replica.WriteReplica;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.Message;
import io.dynamo.core.version.HybridTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rolling upgrades rest on this: a node reads every earlier wire format it still supports, from the bytes an
 * earlier release really wrote (captured under src/test/resources/wire), and still writes each of them byte for
 * byte, for peers that read nothing newer.
 */
class WireFormatTest {
    private static final Map<String, Message> SAMPLES = WireSamples.all();
    private static final Map<String, Message> SINCE_2 = WireSamples.sinceFormat2();
    private static final Map<String, Message> SINCE_3 = WireSamples.sinceFormat3();
    private static final Map<String, Message> SINCE_4 = WireSamples.sinceFormat4();
    private static final Map<String, Message> SINCE_5 = WireSamples.sinceFormat5();
    private static final Map<String, Message> SINCE_6 = WireSamples.sinceFormat6();
    private static final Map<String, Message> SINCE_7 = WireSamples.sinceFormat7();

    @Test
    void everyMessageTypeHasACapturedSample() {
        Set<Class<?>> sampled = SAMPLES.values().stream().map(Object::getClass).collect(Collectors.toSet());
        SINCE_2.values().forEach(m -> sampled.add(m.getClass()));
        SINCE_3.values().forEach(m -> sampled.add(m.getClass()));
        SINCE_4.values().forEach(m -> sampled.add(m.getClass()));
        SINCE_5.values().forEach(m -> sampled.add(m.getClass()));
        SINCE_6.values().forEach(m -> sampled.add(m.getClass()));
        SINCE_7.values().forEach(m -> sampled.add(m.getClass()));
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(messageTypes());
    }

    /** Every message record of the core, wherever it lives (Message is open, so the compiler cannot list them). */
    private static Set<Class<?>> messageTypes() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.dynamo.core").stream()
                .filter(c -> c.isAssignableTo(Message.class) && !c.isInterface())
                .map(JavaClass::reflect)
                .collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void theBytesAnEarlierReleaseWroteDecodeToTheSameMessages(int format) {
        samples(format).forEach((name, sample) -> {
            Message decoded = MessageCodec.decode(captured(format, name));
            assertThat(decoded).as("%s in format %d", name, format).usingRecursiveComparison()
                    .ignoringFieldsMatchingRegexes(".*encoded.*").isEqualTo(sample);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void eachFormatIsStillWrittenByteForByte(int format) {
        samples(format).forEach((name, sample) -> assertThat(MessageCodec.encode(sample, format))
                .as("%s in format %d", name, format).isEqualTo(captured(format, name)));
    }

    @Test
    void theNewestFormatIsTheDefaultAndNamesItself() {
        byte[] ping = MessageCodec.encode(new Ping());
        assertThat(MessageCodec.FORMAT).isEqualTo(7);
        assertThat(ping).containsExactly(0, 7, 5);
    }

    @Test
    void aNewerFormatIsRefusedWithBothNumbers() {
        byte[] fromTheFuture = {0, 8, 5};
        assertThatThrownBy(() -> MessageCodec.decode(fromTheFuture)).isInstanceOfSatisfying(
                UnsupportedFormatException.class, e -> {
                    assertThat(e.format()).isEqualTo(8);
                    assertThat(e.newestReadable()).isEqualTo(7);
                }).hasMessage("wire format version 8 is newer than the newest this node reads (7)");
    }

    @Test
    void aNodeThatReadsOnlyFormat0RefusesFormat1() {
        byte[] format1 = captured(1, "write-replica");
        assertThatThrownBy(() -> MessageCodec.decode(format1, 0)).isInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining("version 1");
        assertThat(MessageCodec.decode(captured(0, "write-replica"), 0)).isEqualTo(SAMPLES.get("write-replica"));
    }

    @Test
    void malformedHeadersAreRefused() {
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {0, 0, 5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format above 0");
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageCodec.encode(new Ping(), 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("writes 0 to 7");
    }

    /** Format 2 carries durability; written for an older peer it is dropped, so that peer is asked for none. */
    @Test
    void durabilityTravelsInFormat2AndIsDroppedForOlderPeers() {
        WriteReplica write = (WriteReplica) SAMPLES.get("write-replica");
        WriteReplica synced = new WriteReplica(write.key(), write.versions(), "node-4", true);
        CoordinatePut put = (CoordinatePut) SAMPLES.get("coordinate-put");
        CoordinatePut durable = new CoordinatePut(put.key(), put.context(), put.value(), 3, 2);
        for (Message m : new Message[] {synced, new Ack(true), durable}) {
            assertThat(MessageCodec.decode(MessageCodec.encode(m))).usingRecursiveComparison()
                    .ignoringFieldsMatchingRegexes(".*encoded.*").isEqualTo(m);
        }
        assertThat(MessageCodec.decode(MessageCodec.encode(synced, 1))).isEqualTo(
                new WriteReplica(write.key(), write.versions(), "node-4", false));
        assertThat(MessageCodec.decode(MessageCodec.encode(new Ack(true), 1))).isEqualTo(new Ack(false));
        assertThat(((CoordinatePut) MessageCodec.decode(MessageCodec.encode(durable, 1))).durableWrites()).isZero();
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {0, 2, 4, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 or 1");
    }

    /** A plan-request exists from format 3 on: a claimant of an older release is never sent one it cannot read. */
    @Test
    void aPlanRequestIsRefusedForAnOlderPeerWithWhatToDo() {
        Message plan = SINCE_3.get("plan-request");
        assertThatThrownBy(() -> MessageCodec.encode(plan, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upgrade every node first");
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {0, 3, 18, 7, 1, 9, 1, 'a', 1, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown ring change kind 9");
    }

    /**
     * A key of another namespace than the default travels with its namespace from format 4 on, and is never written
     * for an older peer, which would take it for a default key.
     */
    @Test
    void aNamespacedKeyKeepsItsNamespaceAndIsRefusedForAnOlderPeer() {
        WriteReplica write = (WriteReplica) SINCE_4.get("write-replica-namespaced");
        WriteReplica decoded = (WriteReplica) MessageCodec.decode(MessageCodec.encode(write));
        assertThat(decoded.key()).isEqualTo(write.key());
        assertThat(decoded.key().namespace()).isEqualTo("carts");
        assertThat(decoded.key()).isNotEqualTo(Key.of(write.key().bytes()));
        assertThatThrownBy(() -> MessageCodec.encode(write, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upgrade every node first");
        // A default key is still written in format 3 for an older peer.
        assertThat(MessageCodec.decode(MessageCodec.encode(SAMPLES.get("write-replica"), 3)))
                .isEqualTo(SAMPLES.get("write-replica"));
    }

    /**
     * Each version's hybrid time and the last-write-wins mark travel from format 5 on; written for an older peer the
     * set takes its untimed form, which that peer reads (its versions then have no time, as on an older node's disk).
     */
    @Test
    void versionTimesTravelInFormat5AndAreDroppedForOlderPeers() {
        WriteReplica timed = (WriteReplica) SINCE_5.get("write-replica-timed");
        WriteReplica decoded = (WriteReplica) MessageCodec.decode(MessageCodec.encode(timed));
        assertThat(decoded.versions().siblings()).isEqualTo(timed.versions().siblings());
        assertThat(decoded.versions().siblings()).extracting(s -> s.time().logical()).containsExactly(0, 300);
        ReplicaState latest = (ReplicaState) SINCE_5.get("replica-state-latest-wins");
        assertThat(((ReplicaState) MessageCodec.decode(MessageCodec.encode(latest))).versions().isLatestWins())
                .isTrue();

        byte[] forAnOlderPeer = MessageCodec.encode(timed, 4);
        WriteReplica old = (WriteReplica) MessageCodec.decode(forAnOlderPeer, 4);
        assertThat(old.versions()).isEqualTo(timed.versions());
        assertThat(old.versions().siblings()).allSatisfy(s -> assertThat(s.time()).isEqualTo(HybridTime.ZERO));
        assertThat(((ReplicaState) MessageCodec.decode(MessageCodec.encode(latest, 4), 4)).versions().isLatestWins())
                .isFalse();
        // A format-5 message is refused by a node that reads only format 4, as every format bump before.
        assertThatThrownBy(() -> MessageCodec.decode(MessageCodec.encode(timed), 4))
                .isInstanceOf(UnsupportedFormatException.class);
    }

    /**
     * A version's expiry and a put's travel from format 6 on; a peer that reads no newer is never sent either (it
     * would keep the value forever), and messages without an expiry are written for it as before.
     */
    @Test
    void expiriesTravelInFormat6AndAreNeverWrittenForOlderPeers() {
        WriteReplica write = (WriteReplica) SINCE_6.get("write-replica-expiring");
        WriteReplica decoded = (WriteReplica) MessageCodec.decode(MessageCodec.encode(write));
        assertThat(decoded.versions().siblings()).extracting(s -> s.value().expiresAt())
                .containsExactlyInAnyOrder(0L, 0L, 1_700_000_065_000L);
        CoordinatePut put = (CoordinatePut) SINCE_6.get("coordinate-put-expiring");
        assertThat(((CoordinatePut) MessageCodec.decode(MessageCodec.encode(put))).value().expiresAt())
                .isEqualTo(1_700_000_060_000L);
        for (int older = MessageCodec.OLDEST_FORMAT; older < MessageCodec.EXPIRY_FORMAT; older++) {
            int format = older;
            assertThatThrownBy(() -> MessageCodec.encode(write, format)).as("format %d", format)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upgrade every node first");
            assertThatThrownBy(() -> MessageCodec.encode(put, format)).as("format %d", format)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upgrade every node first");
        }
        // Once the value expired everywhere it is a tombstone, which any peer can take.
        WriteReplica buried = new WriteReplica(write.key(), write.versions().expired(1_700_000_065_000L), "");
        assertThat(MessageCodec.decode(MessageCodec.encode(buried, 5), 5)).isEqualTo(buried);
    }

    /**
     * Listing's messages exist from format 7 on: a peer that reads no newer is never sent one, so the lister counts
     * it as a replica that did not answer; and a node reading only format 6 refuses the format-7 bytes.
     */
    @Test
    void listingTravelsInFormat7AndIsNeverWrittenForOlderPeers() {
        for (String name : SINCE_7.keySet()) {
            for (int older = MessageCodec.OLDEST_FORMAT; older < MessageCodec.LISTING_FORMAT; older++) {
                int format = older;
                assertThatThrownBy(() -> MessageCodec.encode(SINCE_7.get(name), format)).as("%s in %d", name, format)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no listing");
            }
            assertThatThrownBy(() -> MessageCodec.decode(captured(7, name), 6))
                    .isInstanceOf(UnsupportedFormatException.class);
        }
        // A key-page tag inside a message that names format 6 is refused as well, not read as format 6.
        byte[] named6 = captured(7, "key-page-complete").clone();
        named6[1] = 6;
        assertThatThrownBy(() -> MessageCodec.decode(named6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no listing");
    }

    /** A new format needs its captures before it can be the newest. */
    @Test
    void capturesExistForEveryFormatThisCodeReads() {
        for (int format = MessageCodec.OLDEST_FORMAT; format <= MessageCodec.FORMAT; format++) {
            int f = format;
            assertThat(samples(f).keySet()).allSatisfy(name -> assertThat(captured(f, name)).isNotEmpty());
        }
    }

    /** The messages a node writing {@code format} sends: those of format 2 on only from 2. */
    private static Map<String, Message> samples(int format) {
        Map<String, Message> all = new LinkedHashMap<>(SAMPLES);
        if (format >= 2) {
            all.putAll(SINCE_2);
        }
        if (format >= 3) {
            all.putAll(SINCE_3);
        }
        if (format >= 4) {
            all.putAll(SINCE_4);
        }
        if (format >= 5) {
            all.putAll(SINCE_5);
        }
        if (format >= 6) {
            all.putAll(SINCE_6);
        }
        if (format >= 7) {
            all.putAll(SINCE_7);
        }
        return all;
    }

    private static byte[] captured(int format, String name) {
        String resource = "/wire/v" + format + "/" + name + ".bin";
        try (InputStream in = WireFormatTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
