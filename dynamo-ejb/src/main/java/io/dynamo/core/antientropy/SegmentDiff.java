package io.dynamo.core.antientropy;

import io.dynamo.core.base.Key;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.transport.Message;
import java.util.List;

/** See {@link SegmentQuery}. */
public record SegmentDiff(List<ReplicaState> newer, List<Key> wanted) implements Message {
}
