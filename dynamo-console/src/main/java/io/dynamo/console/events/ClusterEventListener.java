package io.dynamo.console.events;

import io.dynamo.api.HintsBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.RingBody;
import io.dynamo.api.TransfersBody;
import io.dynamo.client.ConnectionStatus;

/** Receives the admin event stream's events, on the stream's own thread. */
public interface ClusterEventListener {
    void ring(RingBody ring);

    void health(NodesBody nodes);

    /** The hint queues one node holds ({@code answeredBy}). */
    void hints(HintsBody hints);

    /** The partitions one node ({@code answeredBy}) streams to new replicas. */
    void transfers(TransfersBody transfers);

    /**
     * The stream of a node whose hints and transfers were shown broke: they are as last reported, not live.
     */
    void hintsUnavailable(String holder);

    void connection(ConnectionStatus status);
}
