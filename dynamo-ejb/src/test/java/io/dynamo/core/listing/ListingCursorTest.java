package io.dynamo.core.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The cursor's text form: read back exactly, and refused (400) when damaged or used for another listing. */
class ListingCursorTest {
    private static final byte[] PREFIX = "user-".getBytes(StandardCharsets.UTF_8);
    private static final byte[] POSITION = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 'k', 0};

    @Test
    void aCursorReadsBackAsItWasGiven() {
        ListingCursor cursor = new ListingCursor("carts", PREFIX, POSITION);
        String text = cursor.encode();
        assertThat(text).matches("[A-Za-z0-9_-]+");
        assertThat(ListingCursor.decode(text, "carts", PREFIX)).isEqualTo(cursor);
    }

    @Test
    void garbageTruncatedOrForeignCursorsAreRefused() {
        String text = new ListingCursor("carts", PREFIX, POSITION).encode();
        for (String bad : new String[] {"", "!!!", "AAAA", text.substring(0, text.length() - 3), text + "AA",
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {1, 5, 'c', 'a', 'r', 't', 's', 0, 3,
                        1, 2, 3})}) {
            assertThatThrownBy(() -> ListingCursor.decode(bad, "carts", PREFIX)).as(bad)
                    .isInstanceOf(InvalidCursorException.class);
        }
        assertThatThrownBy(() -> ListingCursor.decode(text, "default", PREFIX))
                .isInstanceOf(InvalidCursorException.class).hasMessageContaining("another listing");
        assertThatThrownBy(() -> ListingCursor.decode(text, "carts", new byte[0]))
                .isInstanceOf(InvalidCursorException.class).hasMessageContaining("another listing");
        byte[] raw = Base64.getUrlDecoder().decode(text);
        raw[0] = 2;
        assertThatThrownBy(() -> ListingCursor.decode(Base64.getUrlEncoder().encodeToString(raw), "carts", PREFIX))
                .isInstanceOf(InvalidCursorException.class).hasMessageContaining("format 2");
    }
}
