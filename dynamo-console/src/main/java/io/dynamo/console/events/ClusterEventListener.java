package io.dynamo.console.events;

import io.dynamo.api.HintsBody;
import io.dynamo.api.NodesBody;
import io.dynamo.api.RingBody;
import io.dynamo.client.ConnectionStatus;

/** Receives the admin event stream's events, on the stream's own thread. */
public interface ClusterEventListener {
    void ring(RingBody ring);

    void health(NodesBody nodes);

    /** The hint queues one node holds ({@code answeredBy}). */
    void hints(HintsBody hints);

    /** The stream of a node whose hints were shown broke: its queues are as last reported, not live. */
    void hintsUnavailable(String holder);

    void connection(ConnectionStatus status);
}
