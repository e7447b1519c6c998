package io.dynamo.core.replica;

import io.dynamo.core.base.Key;
import io.dynamo.core.transport.Message;
import io.dynamo.core.version.SiblingSet;
import java.util.Objects;

/** A replica's versions of a key. */
public record ReplicaState(Key key, SiblingSet versions) implements Message {
    public ReplicaState {
        Objects.requireNonNull(key);
        Objects.requireNonNull(versions);
    }
}
