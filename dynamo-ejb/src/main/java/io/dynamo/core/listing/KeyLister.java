package io.dynamo.core.listing;

import io.dynamo.core.base.Causes;
import io.dynamo.core.base.Key;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.ring.Partitioner;
import io.dynamo.core.ring.Ring;
import io.dynamo.core.store.RingOrder;
import io.dynamo.core.version.SiblingSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Coordinates a page of a listing: walks the ring from the cursor's position, partition by partition, asking every
 * reachable node that holds the partition (a covering set) for its keys from that position, and merges their
 * versions of each key before deciding whether it is live, so a delete one replica knows hides a stale live copy on
 * another. A key is listed only once every answering replica has read past it, so none is missed between pages.
 * A partition none of whose holders answers fails the page: its keys are never skipped silently.
 */
public final class KeyLister {
    /**
     * Rounds of requests one page makes at most, so a sparse listing answers with a cursor rather than scan on; and
     * a page also stops starting rounds once it has worked for the time budget.
     */
    static final int MAX_ROUNDS = 256;

    /** The nodes that may hold a partition's keys of a namespace in the ring given. */
    @FunctionalInterface
    public interface Holders {
        Collection<String> of(Ring ring, int partition, String namespace);
    }

    /** Asks a node (this one included) for a page of a partition. */
    @FunctionalInterface
    public interface PageSource {
        CompletableFuture<KeyPage> page(String node, KeyPageQuery query);
    }

    private final Supplier<Ring> ring;
    private final Holders holders;
    private final Predicate<String> reachable;
    private final PageSource source;
    private final BiPredicate<Key, SiblingSet> live;
    private final LongSupplier clock;
    private final long budgetMillis;

    /**
     * @param reachable whether a node is worth asking now (one known to be down is not waited for)
     * @param live      whether a key's merged versions are read as live (neither deleted nor expired)
     * @param budget    how long a page goes on starting rounds, after which it answers with what it has
     */
    public KeyLister(Supplier<Ring> ring, Holders holders, Predicate<String> reachable, PageSource source,
                     BiPredicate<Key, SiblingSet> live, LongSupplier clock, Duration budget) {
        this.ring = ring;
        this.holders = holders;
        this.reachable = reachable;
        this.source = source;
        this.live = live;
        this.clock = clock;
        this.budgetMillis = budget.toMillis();
    }

    /** The page from the cursor's position on, of at most {@code limit} keys. */
    public CompletableFuture<KeyListing> page(ListingCursor cursor, int limit) {
        if (limit < 1 || limit > KeyPageReader.MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " is outside 1.." + KeyPageReader.MAX_LIMIT);
        }
        return new Walk(cursor, limit).round(cursor.from(), 0);
    }

    /** One page's progress along the ring. */
    private final class Walk {
        private final ListingCursor cursor;
        private final int limit;
        private final List<Key> keys = new ArrayList<>();
        private final long started = clock.getAsLong();

        Walk(ListingCursor cursor, int limit) {
            this.cursor = cursor;
            this.limit = limit;
        }

        CompletableFuture<KeyListing> round(byte[] from, int rounds) {
            Ring current = ring.get();
            Partitioner partitioner = current.partitioner();
            int partition = from.length == 0 ? 0 : partitioner.partitionOf(Arrays.copyOf(from, Partitioner.HASH_BYTES));
            List<String> asked = new ArrayList<>();
            List<String> down = new ArrayList<>();
            for (String node : holders.of(current, partition, cursor.namespace())) {
                (reachable.test(node) ? asked : down).add(node);
            }
            KeyPageQuery query = new KeyPageQuery(partition, cursor.namespace(), cursor.prefix(), from,
                    limit - keys.size());
            List<CompletableFuture<KeyPage>> pages = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (String node : asked) {
                pages.add(ask(node, query).exceptionally(e -> {
                    synchronized (failures) {
                        failures.add(node + ": " + Causes.unwrap(e).getMessage());
                    }
                    return null;
                }));
            }
            return CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new)).thenCompose(v -> {
                List<KeyPage> answered = pages.stream().map(CompletableFuture::join).filter(p -> p != null).toList();
                if (answered.isEmpty()) {
                    throw new ListingUnavailableException("no replica of partition " + partition
                            + " answered the listing, so its keys cannot be listed now (asked " + asked
                            + failures + ", down " + down + "); retry with the same cursor later");
                }
                return afterRound(partitioner, partition, answered, rounds);
            });
        }

        private CompletableFuture<KeyPage> ask(String node, KeyPageQuery query) {
            try {
                return source.page(node, query);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        private CompletableFuture<KeyListing> afterRound(Partitioner partitioner, int partition, List<KeyPage> pages,
                                                         int rounds) {
            byte[] frontier = null; // null: every answering replica read to the end of the partition
            for (KeyPage page : pages) {
                if (!page.complete() && (frontier == null || Arrays.compareUnsigned(page.next(), frontier) < 0)) {
                    frontier = page.next();
                }
            }
            for (Map.Entry<byte[], ReplicaState> e : merged(pages, frontier).entrySet()) {
                if (live.test(e.getValue().key(), e.getValue().versions())) {
                    keys.add(e.getValue().key());
                    if (keys.size() == limit) {
                        return done(KeyPageReader.successor(e.getKey()));
                    }
                }
            }
            byte[] next = frontier != null ? frontier
                    : partition + 1 < partitioner.partitionCount() ? partitioner.partitionStart(partition + 1) : null;
            if (next == null || rounds + 1 >= MAX_ROUNDS || clock.getAsLong() - started >= budgetMillis) {
                return done(next);
            }
            return round(next, rounds + 1);
        }

        /** Every replica's versions of each key before the frontier, merged, in ring order. */
        private TreeMap<byte[], ReplicaState> merged(List<KeyPage> pages, byte[] frontier) {
            TreeMap<byte[], ReplicaState> merged = new TreeMap<>(Arrays::compareUnsigned);
            for (KeyPage page : pages) {
                for (ReplicaState s : page.states()) {
                    byte[] position = RingOrder.storageKey(s.key());
                    if (frontier == null || Arrays.compareUnsigned(position, frontier) < 0) {
                        merged.merge(position, s, (a, b) -> new ReplicaState(a.key(),
                                a.versions().merge(b.versions())));
                    }
                }
            }
            return merged;
        }

        private CompletableFuture<KeyListing> done(byte[] next) {
            return CompletableFuture.completedFuture(new KeyListing(keys, next == null ? null
                    : new ListingCursor(cursor.namespace(), cursor.prefix(), next)));
        }
    }
}
