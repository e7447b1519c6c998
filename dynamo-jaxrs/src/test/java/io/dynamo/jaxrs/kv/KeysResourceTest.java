package io.dynamo.jaxrs.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.Key;
import io.dynamo.core.listing.KeyListing;
import io.dynamo.core.listing.ListingCursor;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A listing page's parameters as read, and its two forms: JSON, and NDJSON with the cursor on the last line. */
class KeysResourceTest {

    @Test
    void theLimitIsAWholeNumberFrom1To1000AndDefaultsTo100() {
        assertThat(KeysResource.limit(null)).isEqualTo(100);
        assertThat(KeysResource.limit("1")).isEqualTo(1);
        assertThat(KeysResource.limit("1000")).isEqualTo(1000);
        for (String bad : new String[] {"0", "-1", "1001", "", "x", "1.5", "99999999999", "0x10"}) {
            assertThatThrownBy(() -> KeysResource.limit(bad)).as(bad).isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("1 to 1000");
        }
    }

    @Test
    void aPageIsItsKeysAsTextAndTheNextCursor() {
        ListingCursor next = new ListingCursor("default", new byte[0], new byte[17]);
        KeyListing page = new KeyListing(List.of(Key.of("a"), Key.of("quote\"and\nline")), next);
        assertThat(KeysResource.body(page).keys()).containsExactly("a", "quote\"and\nline");
        assertThat(KeysResource.body(page).nextCursor()).isEqualTo(next.encode());
        assertThat(KeysResource.body(new KeyListing(List.of(), null)).nextCursor()).isNull();

        String lines = new String(KeyLines.of(page), StandardCharsets.UTF_8);
        assertThat(lines.lines()).containsExactly("{\"key\":\"a\"}", "{\"key\":\"quote\\\"and\\nline\"}",
                "{\"nextCursor\":\"" + next.encode() + "\"}");
        assertThat(new String(KeyLines.of(new KeyListing(List.of(), null)), StandardCharsets.UTF_8))
                .isEqualTo("{\"nextCursor\":null}\n");
    }

    @Test
    void ndjsonOnlyWhenItIsTheMostPreferredType() {
        MediaType ndjson = MediaType.valueOf("application/x-ndjson");
        assertThat(KeyLines.wanted(List.of(ndjson))).isTrue();
        assertThat(KeyLines.wanted(List.of(ndjson, MediaType.APPLICATION_JSON_TYPE))).isTrue();
        assertThat(KeyLines.wanted(List.of(MediaType.APPLICATION_JSON_TYPE, ndjson))).isFalse();
        assertThat(KeyLines.wanted(List.of(MediaType.WILDCARD_TYPE))).isFalse();
        assertThat(KeyLines.wanted(List.of())).isFalse();
    }
}
