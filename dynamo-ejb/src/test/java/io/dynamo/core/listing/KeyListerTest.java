package io.dynamo.core.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.Key;
import io.dynamo.core.ring.Member;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.store.InMemoryStorageEngine;
import io.dynamo.core.store.StorageEngine;
import io.dynamo.core.transport.UnreachableException;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Dot;
import io.dynamo.core.version.SiblingSet;
import io.dynamo.core.version.Value;
import io.dynamo.core.wire.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The lister over three in-memory replicas of a 16-partition ring (N=3), each answering through the wire codec:
 * pages of every size list each live key exactly once, whichever replicas hold it; a delete or an expiry on one
 * replica hides a stale live copy on another; namespaces and prefixes filter; a partition no replica answers fails
 * the page instead of being skipped.
 */
class KeyListerTest {
    private static final List<String> NODES = List.of("a", "b", "c");
    private static final long NOW = 1_700_000_000_000L;

    private final Ring ring = Ring.initial(16, NODES.stream().map(Member::of).toList());
    private final Map<String, StorageEngine> stores = new LinkedHashMap<>();
    private final Set<String> down = new HashSet<>();
    private final List<KeyPageQuery> asked = new ArrayList<>();
    private int counter;

    KeyListerTest() {
        NODES.forEach(n -> stores.put(n, new InMemoryStorageEngine()));
    }

    private KeyLister lister() {
        return new KeyLister(() -> ring, (r, partition, namespace) -> NODES, node -> true, this::page,
                (key, versions) -> versions.isLiveAt(NOW), () -> NOW, Duration.ofSeconds(5));
    }

    /** A replica's answer as it crosses the wire: the query and the page both encoded and decoded. */
    private CompletableFuture<KeyPage> page(String node, KeyPageQuery query) {
        if (down.contains(node)) {
            return CompletableFuture.failedFuture(new UnreachableException(node, "down in this test"));
        }
        KeyPageQuery received = (KeyPageQuery) MessageCodec.decode(MessageCodec.encode(query));
        asked.add(received);
        KeyPage answer = new KeyPageReader(stores.get(node), 16).read(received);
        return CompletableFuture.completedFuture((KeyPage) MessageCodec.decode(MessageCodec.encode(answer)));
    }

    private SiblingSet live(String value) {
        return SiblingSet.EMPTY.put(Context.EMPTY, new Dot("w", ++counter), Value.of(utf8(value), "text/plain"), NOW,
                10);
    }

    private void store(Key key, SiblingSet versions, String... nodes) {
        for (String n : nodes) {
            stores.get(n).update(key, current -> current.merge(versions));
        }
    }

    private List<String> listAll(String namespace, String prefix, int limit) {
        List<String> out = new ArrayList<>();
        ListingCursor cursor = ListingCursor.start(namespace, utf8(prefix));
        int pages = 0;
        while (cursor != null) {
            KeyListing page = lister().page(cursor, limit).join();
            assertThat(page.keys()).hasSizeLessThanOrEqualTo(limit);
            page.keys().forEach(k -> out.add(new String(k.bytes(), StandardCharsets.UTF_8)));
            // Through its text form, as a client passes it back.
            cursor = page.next() == null ? null : ListingCursor.decode(page.next().encode(), namespace, utf8(prefix));
            assertThat(++pages).isLessThan(10_000);
        }
        return out;
    }

    @Test
    void everyLiveKeyIsListedExactlyOnceWhicheverReplicasHoldIt() {
        Random random = new Random(42);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String name = "key-" + i;
            // Some keys on all three replicas, some on two, some on one only (a write that reached W=1).
            List<String> holders = new ArrayList<>(NODES);
            java.util.Collections.shuffle(holders, random);
            store(Key.of(name), live("v" + i), holders.subList(0, 1 + random.nextInt(3)).toArray(String[]::new));
            expected.add(name);
        }
        for (int limit : new int[] {1, 7, 100, 1000}) {
            List<String> listed = listAll(Key.DEFAULT_NAMESPACE, "", limit);
            assertThat(listed).as("limit %d", limit).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                    expected);
            assertThat(listed).as("ring order").isEqualTo(listed.stream()
                    .sorted((x, y) -> java.util.Arrays.compareUnsigned(
                            io.dynamo.core.store.RingOrder.storageKey(Key.of(x)),
                            io.dynamo.core.store.RingOrder.storageKey(Key.of(y)))).toList());
        }
    }

    @Test
    void aDeleteOrExpiryOnOneReplicaHidesAStaleLiveCopyOnAnother() {
        SiblingSet written = live("old");
        Key deleted = Key.of("deleted");
        store(deleted, written, "a", "b", "c");
        // The delete reached b only; a and c still hold the live version it supersedes.
        store(deleted, written.put(written.context(), new Dot("w", ++counter), Value.tombstone(), NOW, 10), "b");
        Key expired = Key.of("expired");
        store(expired, SiblingSet.EMPTY.put(Context.EMPTY, new Dot("w", ++counter), Value.of(utf8("x"), "text/plain")
                .expiringAt(NOW - 1), NOW - 10, 10), "a", "b");
        Key concurrent = Key.of("concurrent");
        SiblingSet base = live("base");
        store(concurrent, base, "a", "b", "c");
        // A delete on c and a concurrent put on a: the put is a sibling the delete does not cover, so the key lives.
        store(concurrent, base.put(base.context(), new Dot("w", ++counter), Value.tombstone(), NOW, 10), "c");
        store(concurrent, base.put(Context.EMPTY, new Dot("x", 1), Value.of(utf8("other"), "text/plain"), NOW, 10),
                "a");
        store(Key.of("alive"), live("yes"), "c");

        assertThat(listAll(Key.DEFAULT_NAMESPACE, "", 1)).containsExactlyInAnyOrder("alive", "concurrent");
    }

    @Test
    void namespacesAndPrefixesFilterAndAReplicaSendsNoValues() {
        store(Key.of("user-1"), live("default's"), "a");
        store(Key.in("carts", utf8("user-1")), live("a cart of ".repeat(1000)), "a", "b");
        store(Key.in("carts", utf8("user-2")), live("another"), "b");
        store(Key.in("carts", utf8("admin-1")), live("no"), "c");
        store(Key.in("other", utf8("user-3")), live("no"), "c");

        assertThat(listAll("carts", "user-", 1)).containsExactlyInAnyOrder("user-1", "user-2");
        assertThat(listAll("carts", "", 10)).containsExactlyInAnyOrder("user-1", "user-2", "admin-1");
        assertThat(listAll(Key.DEFAULT_NAMESPACE, "", 10)).containsExactly("user-1");
        assertThat(listAll("none", "", 10)).isEmpty();

        KeyPage page = new KeyPageReader(stores.get("a"), 16).read(new KeyPageQuery(
                ring.partitioner().partitionOf(Key.in("carts", utf8("user-1")).md5()), "carts", new byte[0],
                new byte[0], 10));
        assertThat(page.states()).singleElement().satisfies(s -> assertThat(s.versions().siblings())
                .allSatisfy(v -> assertThat(v.value().size()).isZero()));
    }

    @Test
    void aReplicaReadsABoundedStretchOfASparsePartitionPerRequest() {
        // 5,000 keys of another namespace and 3 of the listed one: each request reads at most MAX_SCANNED keys.
        for (int i = 0; i < 5000; i++) {
            store(Key.in("noise", utf8("n" + i)), live("n"), "a", "b", "c");
        }
        for (int i = 0; i < 3; i++) {
            store(Key.in("rare", utf8("r" + i)), live("r"), i == 0 ? new String[] {"a"} : new String[] {"b", "c"});
        }
        assertThat(listAll("rare", "", 2)).containsExactlyInAnyOrder("r0", "r1", "r2");
        assertThat(asked).isNotEmpty();
    }

    @Test
    void aPartitionNoReplicaAnswersFailsThePageNamingIt() {
        store(Key.of("k"), live("v"), "a", "b", "c");
        down.addAll(List.of("a", "b"));
        assertThat(listAll(Key.DEFAULT_NAMESPACE, "", 5)).containsExactly("k");
        down.add("c");
        assertThatThrownBy(() -> lister().page(ListingCursor.start(Key.DEFAULT_NAMESPACE, new byte[0]), 5).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(ListingUnavailableException.class)
                .hasMessageContaining("no replica of partition 0 answered").hasMessageContaining("down in this test");
    }

    @Test
    void aReplicaOnlyOneAnswerCoversIsListedFromThatOne() {
        // b and c are down: a key on a alone is still listed; one on b alone is not (documented: live replicas).
        store(Key.of("on-a"), live("1"), "a");
        store(Key.of("on-b"), live("2"), "b");
        down.addAll(List.of("b", "c"));
        assertThat(listAll(Key.DEFAULT_NAMESPACE, "", 3)).containsExactly("on-a");
    }

    @Test
    void aPageStopsAfterItsRoundsAndTheCursorGoesOn() {
        // An empty store: 16 partitions, one round each; with a budget of no time each page makes one round.
        KeyLister slow = new KeyLister(() -> ring, (r, p, ns) -> NODES, node -> true, this::page,
                (key, versions) -> true, () -> NOW, Duration.ZERO);
        ListingCursor cursor = ListingCursor.start(Key.DEFAULT_NAMESPACE, new byte[0]);
        int pages = 0;
        while (cursor != null) {
            KeyListing page = slow.page(cursor, 10).join();
            assertThat(page.keys()).isEmpty();
            cursor = page.next();
            pages++;
        }
        assertThat(pages).isEqualTo(16);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
