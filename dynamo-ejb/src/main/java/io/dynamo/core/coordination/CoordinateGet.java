package io.dynamo.core.coordination;

import io.dynamo.core.base.Key;
import io.dynamo.core.transport.Message;

/** A client get forwarded to a coordinator; {@code readQuorum} 0 means the cluster's R. Reply: ReplicaState. */
public record CoordinateGet(Key key, int readQuorum) implements Message {
}
