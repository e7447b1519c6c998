package io.dynamo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.client.Sibling;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    @Test
    void roundTripsTenFieldsOfOneHundredBytesInAboutOneKilobyte() {
        Map<String, byte[]> fields = new LinkedHashMap<>();
        for (int i = 9; i >= 0; i--) {
            fields.put("field" + i, new byte[100]);
        }
        byte[] encoded = RecordCodec.encode(fields);
        assertThat(encoded).hasSize(1 + 10 * (1 + 6 + 1 + 100));
        Map<String, byte[]> decoded = RecordCodec.decode(encoded);
        assertThat(decoded.keySet()).containsExactly("field0", "field1", "field2", "field3", "field4", "field5",
                "field6", "field7", "field8", "field9");
        assertThat(decoded.get("field3")).hasSize(100);
    }

    @Test
    void refusesBytesThatAreNotARecord() {
        assertThatThrownBy(() -> RecordCodec.decode("not a record".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void siblingsMergeFieldByFieldTheSameWayInAnyOrder() {
        Sibling a = new Sibling(RecordCodec.encode(Map.of("x", bytes("1"), "y", bytes("2"))), null);
        Sibling b = new Sibling(RecordCodec.encode(Map.of("x", bytes("3"), "z", bytes("4"))), null);
        Map<String, byte[]> ab = SiblingMerge.merge(List.of(a, b));
        Map<String, byte[]> ba = SiblingMerge.merge(List.of(b, a));
        assertThat(ab.keySet()).containsExactly("x", "y", "z");
        assertThat(ab.get("x")).isEqualTo(bytes("3"));
        assertThat(ba.get("x")).isEqualTo(bytes("3"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
