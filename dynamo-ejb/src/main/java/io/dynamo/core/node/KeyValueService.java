package io.dynamo.core.node;

import io.dynamo.core.base.Key;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;

/**
 * The key-value operations of a node, asynchronous: the face the REST API uses. Bad input (a key too long, a value
 * too large, a quorum outside 1..N) throws at once; everything else (too few replicas, a failed store, a request that
 * outlasts the node's limit) fails the stage with the {@link DynamoException} itself, never wrapped.
 */
public interface KeyValueService {

    /** @param readQuorum R for this request, or empty for the configured one */
    CompletionStage<ReadResult> get(Key key, OptionalInt readQuorum);

    /** The stage yields the context of the new version. */
    CompletionStage<Context> put(Key key, Context context, Value value, OptionalInt writeQuorum);

    /** The stage yields the context of the tombstone. */
    CompletionStage<Context> delete(Key key, Context context, OptionalInt writeQuorum);
}
