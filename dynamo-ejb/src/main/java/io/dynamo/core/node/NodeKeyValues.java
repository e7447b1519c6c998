package io.dynamo.core.node;

import io.dynamo.core.base.Causes;
import io.dynamo.core.base.DynamoException;
import io.dynamo.core.base.Key;
import io.dynamo.core.coordination.InsufficientReplicasException;
import io.dynamo.core.stats.RequestStats;
import io.dynamo.core.time.Deadline;
import io.dynamo.core.time.Scheduler;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import java.time.Duration;
import io.dynamo.core.listing.KeyListing;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A node's {@link KeyValueService}: its asynchronous operations, each bounded by twice the forward timeout (a
 * forwarded request, then one retry with the next replica), after which the caller gets a 503 even if the node's
 * requests are still under way; and at most {@link NodeConfig#maxInFlight()} of them at once, past which a request is
 * refused at once ({@link OverloadedException}).
 */
final class NodeKeyValues implements KeyValueService {
    /** Listing pages a node coordinates at once; past it a page is refused at once (503, retry). */
    static final int MAX_LISTINGS = 2;
    private final DynamoNode node;
    private final Scheduler scheduler;
    private final Duration limit;
    private final InFlightLimit inFlight;
    private final InFlightLimit listings = new InFlightLimit(MAX_LISTINGS);
    private final RequestStats stats = new RequestStats();

    NodeKeyValues(DynamoNode node, Scheduler scheduler, NodeTiming timing, int maxInFlight) {
        this.node = node;
        this.scheduler = scheduler;
        this.limit = timing.forwardTimeout().multipliedBy(2);
        this.inFlight = new InFlightLimit(maxInFlight);
    }

    @Override
    public CompletableFuture<ReadResult> get(Key key, OptionalInt readQuorum) {
        return counted(admitted(() -> node.getAsync(key, readQuorum), "get", key),
                result -> stats.read(result.values().size()));
    }

    @Override
    public CompletableFuture<Context> put(Key key, Context context, Value value, OptionalInt writeQuorum,
                                          OptionalInt durableWrites) {
        return counted(admitted(() -> node.putAsync(key, context, value, writeQuorum, durableWrites), "put", key),
                written -> stats.written(value.size()));
    }

    @Override
    public CompletableFuture<Context> delete(Key key, Context context, OptionalInt writeQuorum,
                                             OptionalInt durableWrites) {
        return admitted(() -> node.deleteAsync(key, context, writeQuorum, durableWrites), "delete", key);
    }

    @Override
    public CompletableFuture<Context> writeIf(WriteCondition condition, Key key, Context context, Value value,
                                              OptionalInt readQuorum, OptionalInt writeQuorum,
                                              OptionalInt durableWrites) {
        String operation = value.isTombstone() ? "delete" : "put";
        CompletableFuture<Context> written = admitted(() -> node.writeIfAsync(condition, key, context, value,
                readQuorum, writeQuorum, durableWrites), operation, key);
        return value.isTombstone() ? written : counted(written, w -> stats.written(value.size()));
    }

    @Override
    public CompletableFuture<KeyListing> keys(String namespace, byte[] prefix, Optional<String> cursor, int limit) {
        if (!listings.tryStart()) {
            return CompletableFuture.failedFuture(new OverloadedException("node " + node.id() + " is already"
                    + " coordinating " + listings.max() + " listings, as many as it runs at once so that listings"
                    + " do not crowd out reads and writes: retry in a moment or ask another node"));
        }
        CompletableFuture<KeyListing> page;
        try {
            page = node.keysAsync(namespace, prefix, cursor, limit);
        } catch (RuntimeException refused) {
            listings.finish();
            throw refused;
        }
        page.whenComplete((done, failure) -> listings.finish());
        return page;
    }

    /** What the answered requests looked like, since start. */
    RequestStats.Snapshot stats() {
        return stats.snapshot();
    }

    /** Counts the answer, if any, before the caller sees it; a failure passes on as it is, not wrapped. */
    private static <T> CompletableFuture<T> counted(CompletableFuture<T> answer, Consumer<T> count) {
        CompletableFuture<T> counted = new CompletableFuture<>();
        answer.whenComplete((value, failure) -> {
            if (failure == null) {
                count.accept(value);
                counted.complete(value);
            } else {
                counted.completeExceptionally(failure);
            }
        });
        return counted;
    }

    /** Requests refused since start because the node had as many in flight as it takes. */
    long overloadRefusals() {
        return inFlight.refused();
    }

    /** The request, if a slot is free; its slot is given back when the caller has its answer. */
    private <T> CompletableFuture<T> admitted(Supplier<CompletableFuture<T>> request, String operation, Key key) {
        if (!inFlight.tryStart()) {
            return CompletableFuture.failedFuture(new OverloadedException("node " + node.id() + " has "
                    + inFlight.max() + " requests in flight, as many as it takes on (setting dynamo.max.inflight),"
                    + " and refused the " + operation + " of key '" + key + "': retry in a moment or ask another"
                    + " replica"));
        }
        CompletableFuture<T> answer;
        try {
            answer = bounded(request.get(), operation, key);
        } catch (RuntimeException refused) {
            inFlight.finish();
            throw refused;
        }
        answer.whenComplete((value, failure) -> inFlight.finish());
        return answer;
    }

    private <T> CompletableFuture<T> bounded(CompletableFuture<T> work, String operation, Key key) {
        return Deadline.within(work, scheduler, limit,
                () -> {
                    stats.timedOut(operation);
                    return InsufficientReplicasException.timedOut(operation, key, node.id(), limit.toMillis());
                },
                failure -> {
                    Throwable cause = Causes.unwrap(failure);
                    return cause instanceof DynamoException ? cause : new IllegalStateException(operation
                            + " of key '" + key + "' failed on node " + node.id(), cause);
                });
    }
}
