package io.dynamo.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.dynamo.core.peer.Ping;
import io.dynamo.core.transport.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    @Test
    void everyMessageTypeHasACapturedSample() {
        Set<Class<?>> sampled = SAMPLES.values().stream().map(Object::getClass).collect(Collectors.toSet());
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
    @ValueSource(ints = {0, 1})
    void theBytesAnEarlierReleaseWroteDecodeToTheSameMessages(int format) {
        SAMPLES.forEach((name, sample) -> {
            Message decoded = MessageCodec.decode(captured(format, name));
            assertThat(decoded).as("%s in format %d", name, format).usingRecursiveComparison()
                    .ignoringFieldsMatchingRegexes(".*encoded.*").isEqualTo(sample);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void eachFormatIsStillWrittenByteForByte(int format) {
        SAMPLES.forEach((name, sample) -> assertThat(MessageCodec.encode(sample, format))
                .as("%s in format %d", name, format).isEqualTo(captured(format, name)));
    }

    @Test
    void theNewestFormatIsTheDefaultAndNamesItself() {
        byte[] ping = MessageCodec.encode(new Ping());
        assertThat(MessageCodec.FORMAT).isEqualTo(1);
        assertThat(ping).containsExactly(0, 1, 5);
    }

    @Test
    void aNewerFormatIsRefusedWithBothNumbers() {
        byte[] fromTheFuture = {0, 2, 5};
        assertThatThrownBy(() -> MessageCodec.decode(fromTheFuture)).isInstanceOfSatisfying(
                UnsupportedFormatException.class, e -> {
                    assertThat(e.format()).isEqualTo(2);
                    assertThat(e.newestReadable()).isEqualTo(1);
                }).hasMessage("wire format version 2 is newer than the newest this node reads (1)");
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
        assertThatThrownBy(() -> MessageCodec.encode(new Ping(), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("writes 0 to 1");
    }

    /** A new format needs its captures before it can be the newest. */
    @Test
    void capturesExistForEveryFormatThisCodeReads() {
        for (int format = MessageCodec.OLDEST_FORMAT; format <= MessageCodec.FORMAT; format++) {
            int f = format;
            assertThat(SAMPLES.keySet()).allSatisfy(name -> assertThat(captured(f, name)).isNotEmpty());
        }
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
