package io.dynamo.core.transfer;

import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.transport.Message;
import java.util.List;

/** A batch of versions of one partition streamed to a new replica. Reply: {@link Ack}. */
public record TransferBatch(int partition, List<ReplicaState> states) implements Message {
}
