package io.dynamo.core.replica;

import io.dynamo.core.base.Key;
import io.dynamo.core.transport.Message;
import io.dynamo.core.version.SiblingSet;
import java.util.Objects;

/**
 * Versions for a replica to merge. {@code hintFor} is empty, or names the node the write was meant for when
 * the receiver stands in for it (sloppy quorum). With {@code synced} the receiver fsyncs the write before it answers.
 * Reply: {@link io.dynamo.core.transport.Ack}, saying whether the write was synced.
 */
public record WriteReplica(Key key, SiblingSet versions, String hintFor, boolean synced) implements Message {
    public WriteReplica(Key key, SiblingSet versions, String hintFor) {
        this(key, versions, hintFor, false);
    }

    public WriteReplica {
        Objects.requireNonNull(key);
        Objects.requireNonNull(versions);
        Objects.requireNonNull(hintFor);
    }
}
