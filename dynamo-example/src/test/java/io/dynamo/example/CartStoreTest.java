package io.dynamo.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.client.Sibling;
import io.dynamo.client.Versions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a read becomes a cart: as stored, none, or the union of concurrent versions' items. */
class CartStoreTest {

    @Test
    void oneVersionIsTheCartAsStoredAndAMissingKeyIsNone() {
        assertThat(CartStore.cart(new Versions(true, "ctx", List.of(Sibling.text("milk\neggs")), "\"e\"")))
                .hasValue(new CartStore.Cart("milk\neggs", "\"e\""));
        assertThat(CartStore.cart(new Versions(false, "ctx", List.of(), "\"e\""))).isEmpty();
    }

    @Test
    void siblingsMergeIntoTheUnionOfTheirItems() {
        Versions forked = new Versions(true, "ctx", List.of(Sibling.text("milk\neggs\n"), Sibling.text("eggs\ntea")),
                "\"e\"");
        assertThat(CartStore.cart(forked)).hasValue(new CartStore.Cart("eggs\nmilk\ntea", "\"e\""));
    }
}
