package io.dynamo.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.Causes;
import io.dynamo.core.base.Key;
import io.dynamo.core.listing.KeyListing;
import io.dynamo.core.listing.ListingUnavailableException;
import io.dynamo.core.node.DynamoNode;
import io.dynamo.core.version.Context;
import io.dynamo.core.wire.MessageCodec;
import io.dynamo.testkit.LocalCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Listing keys on simulated clusters: every key written before the listing and never deleted is listed exactly
 * once while keys are written and a node is down; a replica cut off during deletes does not bring the deleted keys
 * back; a cursor taken before a join finishes after it; a node of wire format 6 is never asked, so a partition it
 * alone could answer fails the page; a node coordinates at most two pages at once.
 */
class ListingSimulationTest {

    /** Lists every page through {@code via}, running {@code between} after each page. */
    private static List<String> listAll(LocalCluster cluster, String via, String namespace, int limit,
                                        Consumer<Integer> between) {
        List<String> out = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            KeyListing page = cluster.await(cluster.node(via).keysAsync(namespace, new byte[0], cursor, limit));
            assertThat(page.keys()).hasSizeLessThanOrEqualTo(limit);
            page.keys().forEach(k -> out.add(new String(k.bytes(), StandardCharsets.UTF_8)));
            cursor = Optional.ofNullable(page.next()).map(c -> c.encode());
            between.accept(++pages);
        } while (cursor.isPresent());
        return out;
    }

    @Test
    void everyKeyIsListedOnceWhileKeysAreWrittenAndANodeIsDown() {
        try (LocalCluster cluster = new LocalCluster(31, 5, 3, 2, 2, 16, LocalCluster.fastTiming())) {
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                Context c = cluster.put("n" + (1 + i % 5), "k" + i, Context.EMPTY, "v" + i, 2);
                if (i % 7 == 0) {
                    cluster.await(cluster.node("n1").deleteAsync(LocalCluster.key("k" + i), c, OptionalInt.of(2)));
                } else {
                    expected.add("k" + i);
                }
            }
            cluster.crash("n2");
            List<CompletableFuture<Context>> late = new ArrayList<>();
            List<String> listed = listAll(cluster, "n1", Key.DEFAULT_NAMESPACE, 7, page -> {
                late.add(cluster.node("n3").putAsync(LocalCluster.key("late-" + page), Context.EMPTY,
                        LocalCluster.text("x"), OptionalInt.of(2)));
                cluster.runFor(Duration.ofMillis(20));
            });
            assertThat(late).hasSizeGreaterThan(20);
            assertThat(listed).doesNotHaveDuplicates();
            assertThat(listed.stream().filter(k -> !k.startsWith("late-")).toList())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void aReplicaCutOffDuringDeletesDoesNotBringTheKeysBack() {
        try (LocalCluster cluster = new LocalCluster(37, 3, 3, 2, 2, 8, LocalCluster.fastTiming())) {
            List<Context> written = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                written.add(cluster.put("n1", "k" + i, Context.EMPTY, "v" + i, 3));
            }
            cluster.network().partition(Set.of("n3"), Set.of("n1", "n2"));
            for (int i = 0; i < 20; i++) {
                cluster.await(cluster.node("n1").deleteAsync(LocalCluster.key("k" + i), written.get(i),
                        OptionalInt.of(2)));
            }
            cluster.network().heal();
            // n3 still holds the 20 keys live (no hint, repair or exchange has reached it yet).
            assertThat(cluster.stored("n3", "k0").isLiveAt(cluster.scheduler().nowMillis())).isTrue();
            List<String> listed = listAll(cluster, "n3", Key.DEFAULT_NAMESPACE, 6, page -> { });
            assertThat(listed).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.range(20, 40).mapToObj(i -> "k" + i).toList());
        }
    }

    @Test
    void aCursorTakenBeforeAJoinFinishesAfterIt() {
        try (LocalCluster cluster = new LocalCluster(41, 3, 3, 2, 2, 16, LocalCluster.fastTiming())) {
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 150; i++) {
                cluster.put("n1", "k" + i, Context.EMPTY, "v", 2);
                expected.add("k" + i);
            }
            boolean[] joined = {false};
            List<String> listed = listAll(cluster, "n1", Key.DEFAULT_NAMESPACE, 10, page -> {
                if (page == 3) {
                    cluster.join("n4", "n1");
                    cluster.runFor(Duration.ofSeconds(20));
                    joined[0] = cluster.ring().contains("n4");
                }
            });
            assertThat(joined[0]).isTrue();
            assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void aNodeOfWireFormat6IsNeverAskedSoAPartitionOnlyItCouldAnswerFails() {
        try (LocalCluster cluster = new LocalCluster(43, 4, 2, 1, 2, 8, LocalCluster.fastTiming())) {
            cluster.network().wireFormat("n3", MessageCodec.EXPIRY_FORMAT);
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 60; i++) {
                cluster.put("n1", "k" + i, Context.EMPTY, "v", 2);
                expected.add("k" + i);
            }
            assertThat(listAll(cluster, "n1", Key.DEFAULT_NAMESPACE, 25, page -> { }))
                    .containsExactlyInAnyOrderElementsOf(expected);
            cluster.crash("n4");
            DynamoNode n1 = cluster.node("n1");
            assertThatThrownBy(() -> {
                Optional<String> cursor = Optional.empty();
                do {
                    KeyListing page = cluster.await(n1.keysAsync(Key.DEFAULT_NAMESPACE, new byte[0], cursor, 25));
                    cursor = Optional.ofNullable(page.next()).map(c -> c.encode());
                } while (cursor.isPresent());
            }).satisfies(e -> assertThat(Causes.unwrap(e)).isInstanceOf(ListingUnavailableException.class)
                    .hasMessageContaining("no replica of partition").hasMessageContaining("n3"));
            // n3 was never suspected for it: reads and writes through it go on.
            assertThat(cluster.node("n1").failureDetector().health("n3").routable()).isTrue();
        }
    }

    /** A node coordinates two listing pages at once; a third is refused at once, and taken again once one ends. */
    @Test
    void aThirdListingAtOnceIsRefusedAsOverload() {
        try (LocalCluster cluster = new LocalCluster(53, 3, 3, 2, 2, 8, LocalCluster.fastTiming())) {
            cluster.put("n1", "k", Context.EMPTY, "v", 3);
            var keyValues = cluster.node("n1").keyValues();
            // The replicas answer only when simulated time runs: the first two pages are still in flight.
            var first = keyValues.keys(Key.DEFAULT_NAMESPACE, new byte[0], Optional.empty(), 10).toCompletableFuture();
            var second = keyValues.keys(Key.DEFAULT_NAMESPACE, new byte[0], Optional.empty(), 10)
                    .toCompletableFuture();
            var third = keyValues.keys(Key.DEFAULT_NAMESPACE, new byte[0], Optional.empty(), 10).toCompletableFuture();
            assertThat(third).isCompletedExceptionally();
            assertThatThrownBy(third::join).satisfies(e -> assertThat(Causes.unwrap(e))
                    .isInstanceOf(io.dynamo.core.node.OverloadedException.class).hasMessageContaining("2 listings"));
            assertThat(cluster.await(first).keys()).extracting(k -> new String(k.bytes(), StandardCharsets.UTF_8))
                    .containsExactly("k");
            cluster.await(second);
            assertThat(cluster.await(keyValues.keys(Key.DEFAULT_NAMESPACE, new byte[0], Optional.empty(), 10)
                    .toCompletableFuture()).keys()).hasSize(1);
        }
    }

    @Test
    void anUnknownNamespaceIsRefusedAtOnce() {
        try (LocalCluster cluster = new LocalCluster(47, 3, 3, 2, 2, 8, LocalCluster.fastTiming())) {
            assertThatThrownBy(() -> cluster.node("n1").keysAsync("nope", new byte[0], Optional.empty(), 10))
                    .isInstanceOf(io.dynamo.core.namespace.UnknownNamespaceException.class);
        }
    }
}
