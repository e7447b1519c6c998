package io.dynamo.core.coordination;

import io.dynamo.core.base.Key;
import io.dynamo.core.transport.Message;
import io.dynamo.core.version.Context;
import io.dynamo.core.version.Value;

/**
 * A client put or delete (tombstone value) forwarded to a coordinator; {@code writeQuorum} 0 means the
 * cluster's W; {@code durableWrites} is how many of the acknowledgements must say the write was synced (0 for
 * none). Reply: {@link io.dynamo.core.replica.ReplicaState} with the key's clock after the write and no siblings
 * (the forwarder needs only the context).
 */
public record CoordinatePut(Key key, Context context, Value value, int writeQuorum, int durableWrites)
        implements Message {
    public CoordinatePut(Key key, Context context, Value value, int writeQuorum) {
        this(key, context, value, writeQuorum, 0);
    }
}
