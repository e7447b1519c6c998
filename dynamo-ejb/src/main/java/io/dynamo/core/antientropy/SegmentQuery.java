package io.dynamo.core.antientropy;

import io.dynamo.core.transport.Message;
import java.util.List;

/**
 * Anti-entropy: the sender's key hashes in some leaf segments of a partition. Reply: {@link SegmentDiff}
 * with the receiver's versions of every key that differs or that the sender lacks, and the keys the receiver
 * wants the sender's versions of.
 */
public record SegmentQuery(int partition, int[] segments, List<KeyHash> entries) implements Message {
}
