package io.dynamo.jaxrs.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.InvalidKeyException;
import io.dynamo.core.base.Key;
import io.dynamo.core.base.ValueTooLargeException;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.MalformedContextException;
import io.dynamo.core.version.Value;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A batch's body is checked as a whole: every bad part refuses the batch, with the error a client can act on. */
class BatchRequestsTest {
    private static final BatchRequests.Limits LIMITS = new BatchRequests.Limits("default", 10, 8);

    @Test
    void readsTheKeysOfAReadBatchInOrder() {
        List<String> names = new ArrayList<>();
        List<Key> keys = BatchRequests.keys(bytes("{\"keys\": [\"b\", \"a/1\", \"\u00e9\"], \"other\": 1}"), LIMITS,
                names);

        assertThat(names).containsExactly("b", "a/1", "\u00e9");
        assertThat(keys).containsExactly(Key.of("b"), Key.of("a/1"), Key.of("\u00e9"));
        assertThat(BatchRequests.keys(bytes("{\"keys\": [\"k\"]}"), new BatchRequests.Limits("carts", 10, 8),
                new ArrayList<>())).containsExactly(Key.in("carts", "k".getBytes(UTF_8)));
    }

    @Test
    void readsTheWritesOfAWriteBatch() {
        String context = Context.EMPTY.encode();
        List<BatchRequests.Write> writes = BatchRequests.writes(bytes("{\"items\": ["
                + "{\"key\": \"k1\", \"value\": \"" + base64("v1") + "\", \"contentType\": \"text/plain\"},"
                + "{\"key\": \"k2\", \"value\": \"\"},"
                + "{\"key\": \"k3\", \"delete\": true, \"context\": \"" + context + "\"}]}"), LIMITS);

        assertThat(writes).extracting(BatchRequests.Write::name).containsExactly("k1", "k2", "k3");
        assertThat(writes.get(0).value().bytes()).isEqualTo("v1".getBytes(UTF_8));
        assertThat(writes.get(0).value().contentType()).isEqualTo("text/plain");
        assertThat(writes.get(1).value().contentType()).isEqualTo("application/octet-stream");
        assertThat(writes.get(2).value().isTombstone()).isTrue();
    }

    @Test
    void aBodyThatIsNotTheBatchJsonIsInvalid() {
        assertInvalid("", "the body is empty");
        assertInvalid("{\"keys\": [\"a\"", "not valid JSON");
        assertInvalid("[\"a\"]", "is a JSON array, not an object");
        assertInvalid("{}", "field 'keys' is missing");
        assertInvalid("{\"keys\": \"a\"}", "field 'keys' is a string, not an array");
        assertInvalid("{\"keys\": [\"a\", 2]}", "keys[1] is a number, not a string");
        assertInvalid("{\"keys\": [null]}", "keys[0] is a null");
        assertInvalidItems("{\"items\": {\"key\": \"a\"}}", "field 'items' is a object");
        assertInvalidItems("{\"items\": [\"a\"]}", "items[0] is a string, not an object");
        assertInvalidItems("{\"items\": [{\"value\": \"dg==\"}]}", "items[0].key is missing");
        assertInvalidItems("{\"items\": [{\"key\": \"a\"}]}", "items[0].value is missing");
        assertInvalidItems("{\"items\": [{\"key\": \"a\", \"value\": 12}]}", "items[0].value is a number");
        assertInvalidItems("{\"items\": [{\"key\": \"a\", \"value\": \"dg==\", \"contentType\": 1}]}",
                "items[0].contentType is a number");
        assertInvalidItems("{\"items\": [{\"key\": \"a\", \"value\": \"dg==\", \"contentType\": \"///\"}]}",
                "not a media type");
        assertInvalidItems("{\"items\": [{\"key\": \"a\", \"delete\": \"yes\"}]}", "items[0].delete is a string");
        assertInvalidItems("{\"items\": [{\"key\": \"a\", \"delete\": true, \"value\": \"dg==\"}]}",
                "a delete and has a value");
    }

    @Test
    void anEmptyBatchIsInvalid() {
        assertInvalid("{\"keys\": []}", "the batch is empty");
        assertInvalidItems("{\"items\": []}", "the batch is empty");
    }

    @Test
    void aKeyTwiceInOneBatchIsInvalid() {
        assertInvalid("{\"keys\": [\"a\", \"b\", \"a\"]}", "keys[2]: key 'a' is in the batch twice (also entry 0)");
        assertInvalidItems("{\"items\": [{\"key\": \"a\", \"value\": \"\"}, {\"key\": \"a\", \"delete\": true}]}",
                "items[1]: key 'a' is in the batch twice");
    }

    @Test
    void badBase64IsInvalid() {
        assertInvalidItems("{\"items\": [{\"key\": \"a\", \"value\": \"not base64!\"}]}",
                "items[0].value is not base64");
        assertInvalidItems("{\"items\": [{\"key\": \"a\", \"value\": \"" + base64("x").replace('=', '-') + "\"}]}",
                "items[0].value is not base64");
    }

    @Test
    void anInvalidKeyRefusesTheBatch() {
        assertThatThrownBy(() -> keys("{\"keys\": [\"a\", \"\"]}")).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("keys[1]").hasMessageContaining("empty");
        assertThatThrownBy(() -> keys("{\"keys\": [\"12345678901\"]}")).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("11 bytes; the limit is 10");
        assertThatThrownBy(() -> keys("{\"keys\": [\"\\ud800\"]}")).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> keys("{\"keys\": [\"a\\\\b\"]}")).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("backslash");
        assertThatThrownBy(() -> BatchRequests.writes(bytes("{\"items\": [{\"key\": \"\", \"value\": \"\"}]}"),
                LIMITS)).isInstanceOf(InvalidKeyException.class).hasMessageContaining("items[0]");
    }

    @Test
    void aValueOverTheLimitRefusesTheBatch() {
        assertThatThrownBy(() -> BatchRequests.writes(bytes("{\"items\": [{\"key\": \"a\", \"value\": \""
                + base64("123456789") + "\"}]}"), LIMITS)).isInstanceOf(ValueTooLargeException.class)
                .hasMessageContaining("key 'a' has 9 bytes; the limit is 8");
    }

    @Test
    void aMalformedContextRefusesTheBatch() {
        assertThatThrownBy(() -> BatchRequests.writes(bytes("{\"items\": [{\"key\": \"a\", \"value\": \"\","
                + " \"context\": \"%%%\"}]}"), LIMITS)).isInstanceOf(MalformedContextException.class)
                .hasMessageContaining("items[0] (key 'a')");
    }

    @Test
    void moreKeysThanABatchTakesIsTooLarge() {
        String hundred = IntStream.range(0, 100).mapToObj(i -> "\"k" + i + "\"").collect(Collectors.joining(","));

        assertThat(keys("{\"keys\": [" + hundred + "]}")).hasSize(100);
        assertThatThrownBy(() -> keys("{\"keys\": [" + hundred + ", \"one more\"]}"))
                .isInstanceOf(BatchTooLargeException.class).hasMessageContaining("101 keys")
                .hasMessageContaining("at most 100");
    }

    @Test
    void theBodyIsReadNoFurtherThanTheBatchLimit() {
        // 100 items of twice the value limit and 8 KiB each: (2 * 8 + 8192) * 100 bytes.
        assertThat(LIMITS.maxBodyBytes()).isEqualTo(820_800);
        assertThat(new BatchRequests.Limits("default", 1024, 64 * 1024 * 1024).maxBodyBytes())
                .isEqualTo(BatchRequests.MAX_BODY_BYTES);
        assertThat(BatchRequests.body(new ByteArrayInputStream(new byte[820_800]), null, LIMITS)).hasSize(820_800);
        assertThatThrownBy(() -> BatchRequests.body(new ByteArrayInputStream(new byte[820_801]), null, LIMITS))
                .isInstanceOf(BatchTooLargeException.class).hasMessageContaining("at most 820800 bytes");
        assertThatThrownBy(() -> BatchRequests.body(new ByteArrayInputStream(new byte[0]), "820801", LIMITS))
                .isInstanceOf(BatchTooLargeException.class).hasMessageContaining("820801 bytes");
    }

    private static List<Key> keys(String body) {
        return BatchRequests.keys(bytes(body), LIMITS, new ArrayList<>());
    }

    private static void assertInvalid(String body, String message) {
        assertThatThrownBy(() -> keys(body)).isInstanceOf(InvalidBatchException.class).hasMessageContaining(message);
    }

    private static void assertInvalidItems(String body, String message) {
        assertThatThrownBy(() -> BatchRequests.writes(bytes(body), LIMITS)).isInstanceOf(InvalidBatchException.class)
                .hasMessageContaining(message);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(bytes(s));
    }

    @Test
    void anItemsTtlBecomesItsValuesExpiry() {
        long before = System.currentTimeMillis();
        List<BatchRequests.Write> writes = BatchRequests.writes(bytes("{\"items\": [{\"key\": \"a\", \"value\": \"\","
                + " \"ttl\": 60}, {\"key\": \"b\", \"value\": \"\", \"ttl\": null}]}"), LIMITS);
        assertThat(writes.get(0).value().expiresAt()).isBetween(before + 60_000, System.currentTimeMillis() + 60_000);
        assertThat(writes.get(1).value().expiresAt()).isEqualTo(Value.NEVER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "\"60\"", "315360001", "1e30", "true"})
    void aTtlThatIsNotWholeSecondsFromOneToTenYearsRefusesTheBatch(String ttl) {
        assertThatThrownBy(() -> BatchRequests.writes(bytes("{\"items\": [{\"key\": \"a\", \"value\": \"\"},"
                + " {\"key\": \"b\", \"value\": \"\", \"ttl\": " + ttl + "}]}"), LIMITS))
                .isInstanceOf(InvalidBatchException.class).hasMessageContaining("items[1].ttl");
        assertThatThrownBy(() -> BatchRequests.writes(bytes("{\"items\": [{\"key\": \"a\", \"delete\": true,"
                + " \"ttl\": 60}]}"), LIMITS)).isInstanceOf(InvalidBatchException.class).hasMessageContaining("ttl");
    }
}
