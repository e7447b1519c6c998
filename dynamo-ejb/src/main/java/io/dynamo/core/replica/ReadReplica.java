package io.dynamo.core.replica;

import io.dynamo.core.base.Key;
import io.dynamo.core.transport.Message;

/** Asks a replica for its versions of a key (and any it holds as hints). Reply: {@link ReplicaState}. */
public record ReadReplica(Key key) implements Message {
}
