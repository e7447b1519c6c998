package io.dynamo.core.node;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import io.dynamo.core.listing.KeyListing;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;

/**
 * The key-value operations of a node, asynchronous: the face the REST API uses. Bad input (a key too long, a value
 * too large, a quorum outside 1..N, a dw outside 1..W) throws at once; everything else (too few replicas, a failed store, a request that
 * outlasts the node's limit) fails the stage with the {@link DynamoException} itself, never wrapped.
 */
public interface KeyValueService {

    /** @param readQuorum R for this request, or empty for the configured one */
    CompletionStage<ReadResult> get(Key key, OptionalInt readQuorum);

    /** The stage yields the context of the new version. */
    default CompletionStage<Context> put(Key key, Context context, Value value, OptionalInt writeQuorum) {
        return put(key, context, value, writeQuorum, OptionalInt.empty());
    }

    /**
     * @param durableWrites dw, how many of the W acknowledgements must say the write is synced (1 to W), or empty
     *                      for the cluster's durability setting
     */
    CompletionStage<Context> put(Key key, Context context, Value value, OptionalInt writeQuorum,
                                 OptionalInt durableWrites);

    /** The stage yields the context of the tombstone. */
    default CompletionStage<Context> delete(Key key, Context context, OptionalInt writeQuorum) {
        return delete(key, context, writeQuorum, OptionalInt.empty());
    }

    /** @param durableWrites as for {@link #put(Key, Context, Value, OptionalInt, OptionalInt)} */
    CompletionStage<Context> delete(Key key, Context context, OptionalInt writeQuorum, OptionalInt durableWrites);

    /**
     * A put, or a delete when the value is a tombstone, made only if the condition holds for the key's versions read
     * at R by this node just before; the stage fails with {@link PreconditionFailedException} when it does not.
     *
     * @param readQuorum R of that read, or empty for the cluster's
     */
    CompletionStage<Context> writeIf(WriteCondition condition, Key key, Context context, Value value,
                                     OptionalInt readQuorum, OptionalInt writeQuorum, OptionalInt durableWrites);

    /**
     * A page of the live keys of a namespace ({@link Key#DEFAULT_NAMESPACE} for the default one) whose bytes start
     * with {@code prefix}, in ring order, from {@code cursor} on (empty for the first page). An unknown namespace,
     * a prefix longer than a key may be, or a cursor of another listing throws at once; a partition no replica of
     * which answers fails the stage with {@link io.dynamo.core.listing.ListingUnavailableException}.
     *
     * @param limit 1 to {@link io.dynamo.core.listing.KeyPageReader#MAX_LIMIT} keys
     */
    CompletionStage<KeyListing> keys(String namespace, byte[] prefix, Optional<String> cursor, int limit);
}
