package io.dynamo.console.events;

import io.dynamo.api.HintsBody;
import io.dynamo.api.MetricsBody;
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

    /** One node's ({@code answeredBy}) own view of every other, from its own stream: a row of the health matrix. */
    void observed(NodesBody nodes);

    /** One node's ({@code answeredBy}) request counters, every few seconds, from its own stream. */
    void metrics(MetricsBody metrics);

    /**
     * The stream of a node whose hints, transfers, view of the others and counters were shown broke: they are as
     * last reported, not live.
     */
    void hintsUnavailable(String holder);

    void connection(ConnectionStatus status);
}
