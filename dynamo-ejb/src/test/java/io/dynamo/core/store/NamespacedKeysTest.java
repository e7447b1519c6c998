package io.dynamo.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.core.base.Key;
import io.dynamo.core.base.Md5;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;
import org.junit.jupiter.api.Test;

/** Keys of a namespace share the store with the default keys but can never be taken for one, nor for another's. */
class NamespacedKeysTest {

    @Test
    void aDefaultKeyIsStoredAsBeforeNamespaces() {
        byte[] bytes = {0, 'k', (byte) 0xff};
        byte[] stored = RingOrder.storageKey(Key.of(bytes));
        byte[] expected = Arrays.copyOf(Md5.of(bytes), 16 + bytes.length);
        System.arraycopy(bytes, 0, expected, 16, bytes.length);
        assertThat(stored).isEqualTo(expected);
        assertThat(Key.in("default", bytes)).isEqualTo(Key.of(bytes));
    }

    /**
     * A client that writes, as a default key, exactly the bytes a namespaced key is stored under still gets a
     * storage key of its own: the ring position of a namespaced key is never the MD5 of the rest.
     */
    @Property(tries = 500)
    void noDefaultKeyCollidesWithANamespacedOne(@ForAll @NotEmpty byte[] bytes) {
        Key namespaced = Key.in("carts", bytes);
        Key impostor = Key.of(namespaced.stored());
        assertThat(RingOrder.storageKey(impostor)).isNotEqualTo(RingOrder.storageKey(namespaced));
        assertThat(RingOrder.key(RingOrder.storageKey(namespaced))).isEqualTo(namespaced);
        assertThat(RingOrder.key(RingOrder.storageKey(impostor))).isEqualTo(impostor);
        assertThat(RingOrder.key(RingOrder.storageKey(Key.of(bytes)))).isEqualTo(Key.of(bytes));
        assertThat(RingOrder.storageKey(Key.in("cart", bytes))).isNotEqualTo(RingOrder.storageKey(namespaced));
    }

    @Test
    void oneStoreKeepsTheSameBytesInThreeNamespacesApartAndScansThemBack() {
        InMemoryStorageEngine store = new InMemoryStorageEngine("s");
        byte[] k = "k".getBytes();
        List<Key> keys = List.of(Key.of(k), Key.in("carts", k), Key.in("sessions", k),
                Key.of(Key.in("carts", k).stored()));
        for (Key key : keys) {
            store.update(key, s -> s.put(Context.EMPTY, new Dot("n", 1), Value.of(key.toString().getBytes(),
                    "text/plain"), 1, 10));
        }
        for (Key key : keys) {
            assertThat(new String(store.read(key).liveValues().get(0).bytes())).isEqualTo(key.toString());
        }
        List<Key> scanned = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            store.scan(p, 8, (key, versions) -> scanned.add(key));
        }
        assertThat(scanned).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(store.read(Key.in("other", k))).isEqualTo(SiblingSet.EMPTY);
    }
}
