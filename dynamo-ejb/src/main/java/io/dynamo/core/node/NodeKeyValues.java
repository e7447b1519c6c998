package io.dynamo.core.node;

import io.dynamo.core.base.Causes;
import io.dynamo.core.base.DynamoException;
import io.dynamo.core.base.Key;
import io.dynamo.core.coordination.InsufficientReplicasException;
import io.dynamo.core.time.Deadline;
import io.dynamo.core.time.Scheduler;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A node's {@link KeyValueService}: its asynchronous operations, each bounded by twice the forward timeout (a
 * forwarded request, then one retry with the next replica), after which the caller gets a 503 even if the node's
 * requests are still under way.
 */
final class NodeKeyValues implements KeyValueService {
    private final DynamoNode node;
    private final Scheduler scheduler;
    private final Duration limit;

    NodeKeyValues(DynamoNode node, Scheduler scheduler, NodeTiming timing) {
        this.node = node;
        this.scheduler = scheduler;
        this.limit = timing.forwardTimeout().multipliedBy(2);
    }

    @Override
    public CompletableFuture<ReadResult> get(Key key, OptionalInt readQuorum) {
        return bounded(node.getAsync(key, readQuorum), "get", key);
    }

    @Override
    public CompletableFuture<Context> put(Key key, Context context, Value value, OptionalInt writeQuorum,
                                          OptionalInt durableWrites) {
        return bounded(node.putAsync(key, context, value, writeQuorum, durableWrites), "put", key);
    }

    @Override
    public CompletableFuture<Context> delete(Key key, Context context, OptionalInt writeQuorum,
                                             OptionalInt durableWrites) {
        return bounded(node.deleteAsync(key, context, writeQuorum, durableWrites), "delete", key);
    }

    private <T> CompletableFuture<T> bounded(CompletableFuture<T> work, String operation, Key key) {
        return Deadline.within(work, scheduler, limit,
                () -> InsufficientReplicasException.timedOut(operation, key, node.id(), limit.toMillis()),
                failure -> {
                    Throwable cause = Causes.unwrap(failure);
                    return cause instanceof DynamoException ? cause : new IllegalStateException(operation
                            + " of key '" + key + "' failed on node " + node.id(), cause);
                });
    }
}
